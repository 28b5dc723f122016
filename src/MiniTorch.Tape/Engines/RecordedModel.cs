namespace MiniTorch;

/// <summary>
/// A model's forward pass recorded once as a <see cref="Tape"/> and replayed per point: the fast way to evaluate a
/// trained model at many points, such as the pixels of a picture. Each value is bit for bit what
/// <c>model.Call</c> returns for the same point, without building a graph per point.
/// </summary>
/// <remarks>
/// The tape's inputs are the point's coordinates (leaf scalars while recording, so that they stay inputs) followed by
/// the scalars of the model's parameters, which keep their recorded values: the recording is a snapshot of the
/// parameters, so record again after the model changes. The model must build the same graph for every point, as
/// <see cref="TapeEngine"/> requires (relu and comparisons are fine; a branch on a value in C# is not), use
/// <see cref="Scalar.Constant"/> for fixed numbers and hold leaf scalars in its parameters. Replaying allocates
/// nothing. Not thread-safe.
/// </remarks>
public sealed class RecordedModel
{
    private readonly Tape _tape;

    private RecordedModel(Tape tape, int inputCount)
    {
        _tape = tape;
        InputCount = inputCount;
    }

    /// <summary>How many coordinates a point has.</summary>
    public int InputCount { get; }

    /// <summary>How many computed scalars one evaluation replays.</summary>
    public int NodeCount => _tape.NodeCount;

    /// <summary>Runs <paramref name="model"/> once on a point of <paramref name="inputCount"/> zeros and records it.</summary>
    /// <param name="model">The model, with its current parameters.</param>
    /// <param name="inputCount">How many coordinates the model takes, at least 1.</param>
    /// <returns>The recording.</returns>
    /// <exception cref="ArgumentException">
    /// The model's output depends on a leaf that is neither a coordinate nor a parameter, or a parameter holds a computed
    /// scalar or shares its scalar with another parameter.
    /// </exception>
    public static RecordedModel Record(Module<Scalar[], Scalar> model, int inputCount)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputCount, 1);
        var coordinates = new Scalar[inputCount];
        for (var i = 0; i < inputCount; i++)
        {
            coordinates[i] = new Scalar(0.0);
        }

        var output = model.Call([.. coordinates]);
        Scalar[] inputs = [.. coordinates, .. model.Parameters().Select(parameter => parameter.Value)];
        return new RecordedModel(Tape.Record(output, inputs), inputCount);
    }

    /// <summary>The model's output at one point.</summary>
    /// <param name="point">The <see cref="InputCount"/> coordinates.</param>
    /// <returns>The output, bit for bit <c>model.Call</c>'s at constants of these values.</returns>
    /// <exception cref="ArgumentException">The point does not have <see cref="InputCount"/> coordinates.</exception>
    public double Evaluate(ReadOnlySpan<double> point)
    {
        if (point.Length != InputCount)
        {
            throw new ArgumentException($"The model takes {InputCount} coordinates, but {point.Length} were given.", nameof(point));
        }

        point.CopyTo(_tape.Inputs);
        return _tape.Forward();
    }

    /// <summary>Counts the points of <paramref name="data"/> the model classifies correctly (<see cref="Predictions.IsCorrect"/>).</summary>
    /// <param name="data">The points; the model must take two coordinates.</param>
    /// <returns>The number of correct points, from 0 to N: what <see cref="Predictions.CountCorrect"/> returns.</returns>
    public int CountCorrect(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var correct = 0;
        for (var k = 0; k < data.Count; k++)
        {
            var point = data.Points[k];
            correct += Predictions.IsCorrect(Evaluate([point.X1, point.X2]), data.Labels[k]) ? 1 : 0;
        }

        return correct;
    }
}
