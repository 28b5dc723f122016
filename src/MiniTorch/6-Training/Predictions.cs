namespace MiniTorch;

/// <summary>How a model's output is read as a class, as MiniTorch counts "correct".</summary>
public static class Predictions
{
    /// <summary>
    /// True when the output picks the label: output &gt; 0.5 for class 1, output &lt; 0.5 for class 0. Exactly 0.5
    /// (and NaN) counts as wrong for both classes.
    /// </summary>
    /// <param name="output">The model's probability of class 1.</param>
    /// <param name="label">The true class, 0 or 1.</param>
    /// <returns>Whether the point counts as correct.</returns>
    public static bool IsCorrect(double output, int label) => label == 1 ? output > 0.5 : output < 0.5;

    /// <summary>Counts the points of <paramref name="data"/> that <paramref name="model"/> classifies correctly.</summary>
    /// <param name="model">The model.</param>
    /// <param name="data">The points.</param>
    /// <returns>The number of correct points, from 0 to N.</returns>
    public static int CountCorrect(Module<Scalar[], Scalar> model, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        var correct = 0;
        for (var k = 0; k < data.Count; k++)
        {
            var point = data.Points[k];
            var output = model.Call([Scalar.Constant(point.X1), Scalar.Constant(point.X2)]);
            correct += IsCorrect(output.Data, data.Labels[k]) ? 1 : 0;
        }

        return correct;
    }
}
