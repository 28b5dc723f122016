namespace MiniTorch;

/// <summary>
/// A model evaluated at many points, such as the pixels of a picture. The library records the forward pass once as a
/// tape; the course has no tape, so each point runs the model's forward pass through your <see cref="Scalar"/>
/// functions, which is slower but shows exactly what your code computes.
/// </summary>
public sealed class RecordedModel
{
    private readonly Module<Scalar[], Scalar> _model;

    private RecordedModel(Module<Scalar[], Scalar> model, int inputCount)
    {
        _model = model;
        InputCount = inputCount;
    }

    /// <summary>How many coordinates a point has.</summary>
    public int InputCount { get; }

    /// <summary>Keeps <paramref name="model"/> for evaluation at points of <paramref name="inputCount"/> coordinates.</summary>
    /// <param name="model">The model, with its current parameters.</param>
    /// <param name="inputCount">How many coordinates the model takes, at least 1.</param>
    /// <returns>The model to evaluate.</returns>
    public static RecordedModel Record(Module<Scalar[], Scalar> model, int inputCount)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputCount, 1);
        return new RecordedModel(model, inputCount);
    }

    /// <summary>The model's output at one point.</summary>
    /// <param name="point">The <see cref="InputCount"/> coordinates.</param>
    /// <returns>The output of <c>model.Call</c> at constants of these values.</returns>
    /// <exception cref="ArgumentException">The point does not have <see cref="InputCount"/> coordinates.</exception>
    public double Evaluate(ReadOnlySpan<double> point)
    {
        if (point.Length != InputCount)
        {
            throw new ArgumentException($"The model takes {InputCount} coordinates, but {point.Length} were given.", nameof(point));
        }

        var inputs = new Scalar[point.Length];
        for (var i = 0; i < point.Length; i++)
        {
            inputs[i] = Scalar.Constant(point[i]);
        }

        return _model.Call(inputs).Data;
    }

    /// <summary>Counts the points of <paramref name="data"/> the model classifies correctly (<see cref="Predictions.IsCorrect"/>).</summary>
    /// <param name="data">The points; the model must take two coordinates.</param>
    /// <returns>The number of correct points, from 0 to N.</returns>
    public int CountCorrect(Dataset data) => Predictions.CountCorrect(_model, data);
}
