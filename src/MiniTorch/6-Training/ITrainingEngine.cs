namespace MiniTorch;

/// <summary>
/// How one epoch's loss and gradients are computed: the seam where a faster engine (for example a recorded tape)
/// replaces the reference one, <see cref="ScalarEngine"/>, while <see cref="Trainer"/> keeps the loop.
/// </summary>
public interface ITrainingEngine
{
    /// <summary>
    /// Runs the model over every point of <paramref name="data"/> and leaves the gradient of the mean loss on the
    /// parameters.
    /// </summary>
    /// <param name="model">The model; its parameters' derivatives are cleared before the call.</param>
    /// <param name="data">The data, at least one point.</param>
    /// <returns>The total loss and the number of correct points.</returns>
    /// <remarks>
    /// Contract: afterwards, each parameter's <see cref="Scalar.Derivative"/> holds ∂(Σ loss_k / N)/∂p (or
    /// <see langword="null"/> where no point depends on it), so that <see cref="Sgd.Step"/> can follow; the parameter
    /// values themselves are not changed.
    /// </remarks>
    EpochTotals RunEpoch(Module<Scalar[], Scalar> model, Dataset data);
}
