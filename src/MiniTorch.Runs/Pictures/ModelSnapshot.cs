namespace MiniTorch.Runs;

/// <summary>
/// A network's output as it stands when the snapshot is taken, to evaluate at many points, such as the pixels of a
/// picture: its forward pass recorded once as a tape (<see cref="RecordedModel"/>) and replayed per point, bit for bit
/// what <c>network.Call</c> gives. Later training steps do not change it.
/// </summary>
public sealed class ModelSnapshot
{
    private readonly RecordedModel _recorded;

    private ModelSnapshot(RecordedModel recorded) => _recorded = recorded;

    /// <summary>Takes the snapshot.</summary>
    /// <param name="network">The network, with its current parameters.</param>
    /// <returns>The snapshot.</returns>
    public static ModelSnapshot Of(Module<Scalar[], Scalar> network) => new(RecordedModel.Record(network, inputCount: 2));

    /// <summary>The output at the point (x1, x2).</summary>
    /// <param name="x1">The first coordinate.</param>
    /// <param name="x2">The second coordinate.</param>
    /// <returns>The probability of class 1.</returns>
    public double Evaluate(double x1, double x2) => _recorded.Evaluate([x1, x2]);

    /// <summary>Counts the points of <paramref name="data"/> the snapshot classifies correctly (<see cref="Predictions.IsCorrect"/>).</summary>
    /// <param name="data">The points.</param>
    /// <returns>The number of correct points, from 0 to N.</returns>
    public int CountCorrect(Dataset data) => _recorded.CountCorrect(data);
}
