namespace MiniTorch.Runs;

/// <summary>
/// A network's output as it stands when the snapshot is taken, to evaluate at many points, such as the pixels of a
/// picture. The library records the forward pass once as a tape; the course has no tape, so the snapshot is a copy of
/// the network, and each point runs its forward pass through your <see cref="Scalar"/> functions: slower, but exactly
/// what your code computes.
/// </summary>
public sealed class ModelSnapshot
{
    private readonly Module<Scalar[], Scalar> _copy;

    private ModelSnapshot(Module<Scalar[], Scalar> copy) => _copy = copy;

    /// <summary>Takes the snapshot: a network of the same shape holding the current values of the parameters.</summary>
    /// <param name="network">The network, with its current parameters.</param>
    /// <returns>The snapshot.</returns>
    public static ModelSnapshot Of(Module<Scalar[], Scalar> network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var copy = NetworkShape.Of(network).Create(new SplitMix64(0));
        foreach (var (parameter, value) in copy.Parameters().Zip(network.Parameters()))
        {
            parameter.Update(new Scalar(value.Value.Data));
        }

        return new ModelSnapshot(copy);
    }

    /// <summary>The output at the point (x1, x2).</summary>
    /// <param name="x1">The first coordinate.</param>
    /// <param name="x2">The second coordinate.</param>
    /// <returns>The probability of class 1.</returns>
    public double Evaluate(double x1, double x2) => _copy.Call([Scalar.Constant(x1), Scalar.Constant(x2)]).Data;

    /// <summary>Counts the points of <paramref name="data"/> the snapshot classifies correctly (<see cref="Predictions.IsCorrect"/>).</summary>
    /// <param name="data">The points.</param>
    /// <returns>The number of correct points, from 0 to N.</returns>
    public int CountCorrect(Dataset data) => Predictions.CountCorrect(_copy, data);
}
