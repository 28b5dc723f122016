namespace MiniTorch.Runs;

/// <summary>
/// A model's total loss and correct count on points it does not train on (the test points), measured as an epoch
/// measures the training points: for each point, prob = out for label 1 and −out + 1.0 for label 0, and the loss
/// −log(prob), with the same <see cref="Operators"/> calls as <see cref="ScalarEngine"/>'s graph, summed from 0 in
/// the points' order; correct by <see cref="Predictions.IsCorrect"/>.
/// </summary>
public static class HeldOutTotals
{
    /// <summary>Measures <paramref name="model"/> on <paramref name="data"/>.</summary>
    /// <param name="model">The model as it stands.</param>
    /// <param name="data">The points.</param>
    /// <returns>The total loss and the number of correct points.</returns>
    public static EpochTotals Measure(ModelSnapshot model, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        var totalLoss = 0.0;
        var correct = 0;
        for (var k = 0; k < data.Count; k++)
        {
            var point = data.Points[k];
            var label = data.Labels[k];
            var output = model.Evaluate(point.X1, point.X2);
            var prob = label == 1 ? output : Operators.Add(Operators.Neg(output), 1.0);
            totalLoss += Operators.Neg(Operators.Log(prob));
            correct += Predictions.IsCorrect(output, label) ? 1 : 0;
        }

        return new EpochTotals(totalLoss, correct);
    }
}
