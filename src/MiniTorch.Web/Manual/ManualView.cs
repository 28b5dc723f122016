using System.Globalization;
using MiniTorch.Runs;
using MiniTorch.Web.Training;

namespace MiniTorch.Web.Manual;

/// <summary>
/// The Task 0.5 tab's answer: the points, the classifier's parameters by dotted name, how many points it gets right and
/// its total loss, and its output over the square, in the Training tab's picture (<see cref="ModelPicture"/>, without
/// hidden units), which the page draws the way it draws the Training tab's boundary.
/// </summary>
/// <param name="Dataset">The dataset's name.</param>
/// <param name="Points">The points' coordinates, x1 and x2.</param>
/// <param name="Labels">Their labels.</param>
/// <param name="Parameters">The parameters by dotted name (<see cref="Module.NamedParameters"/>) with their values.</param>
/// <param name="Correct">How many points the classifier gets right.</param>
/// <param name="Loss">The total loss over the points, in round-trip form, as a training epoch sums it.</param>
/// <param name="Picture">The classifier's output over the square.</param>
internal sealed record ManualView(string Dataset, double[][] Points, int[] Labels, ManualParameter[] Parameters, int Correct, string Loss, ModelPicture Picture)
{
    /// <summary>Measures and draws the classifier on the data.</summary>
    /// <param name="classifier">The classifier, its parameters set.</param>
    /// <param name="data">The points.</param>
    /// <returns>The view.</returns>
    public static ManualView Of(ManualClassifier classifier, Dataset data)
    {
        var totals = classifier.Measure(data);
        return new ManualView(
            data.Name,
            [.. data.Points.Select(p => new[] { p.X1, p.X2 })],
            [.. data.Labels],
            [.. classifier.NamedParameters().Select(p => new ManualParameter(p.Key, p.Value.Value.Data))],
            totals.Correct,
            totals.TotalLoss.ToString("R", CultureInfo.InvariantCulture),
            Draw(classifier, data));
    }

    // The output at the centre of each cell of the square the Training tab's picture shows, row by row from the top.
    private static ModelPicture Draw(ManualClassifier classifier, Dataset data)
    {
        const int cells = ModelPicture.MaxCells;
        var (low, high) = BoundaryPlot.Square(data);
        var output = new byte[cells * cells];
        for (var row = 0; row < cells; row++)
        {
            for (var column = 0; column < cells; column++)
            {
                var (x1, x2) = ModelPicture.CellCentre(low, high, cells, row, column);
                output[(row * cells) + column] = ModelPicture.OutputByte(classifier.Call([x1, x2]));
            }
        }

        return new ModelPicture(low, high, cells, Convert.ToBase64String(output), 0, [], []);
    }
}

/// <summary>One parameter of the classifier.</summary>
/// <param name="Name">Its dotted name, for example <c>linear.weight_0_0</c>.</param>
/// <param name="Value">Its value.</param>
internal sealed record ManualParameter(string Name, double Value);
