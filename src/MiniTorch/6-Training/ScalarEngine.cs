namespace MiniTorch;

/// <summary>
/// The reference engine: MiniTorch's training step built from <see cref="Scalar"/> graphs, one backward pass per point.
/// </summary>
/// <remarks>
/// For each point (x, y): out = model(x); prob = out when y = 1, else −out + 1.0 (MiniTorch's graph shape);
/// loss = −log(prob); (loss / N).Backward(). The inputs are <see cref="Scalar.Constant"/>s rather than MiniTorch's
/// leaves: nobody reads their derivatives, and the parameters' derivatives are the same either way.
/// </remarks>
public sealed class ScalarEngine : ITrainingEngine
{
    /// <inheritdoc/>
    public EpochTotals RunEpoch(Module<Scalar[], Scalar> model, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfZero(data.Count);
        var totalLoss = 0.0;
        var correct = 0;
        for (var k = 0; k < data.Count; k++)
        {
            var point = data.Points[k];
            var label = data.Labels[k];
            var output = model.Call([Scalar.Constant(point.X1), Scalar.Constant(point.X2)]);
            var prob = label == 1 ? output : -output + 1.0;
            var loss = -prob.Log();
            (loss / data.Count).Backward();
            totalLoss += loss.Data;
            correct += Predictions.IsCorrect(output.Data, label) ? 1 : 0;
        }

        return new EpochTotals(totalLoss, correct);
    }
}
