using System.Globalization;
using System.Text;
using MiniTorch.Cli.Plots;

namespace MiniTorch.Cli.Commands;

/// <summary>The files of a training run, each written atomically into one folder.</summary>
internal static class RunFolder
{
    /// <summary>Writes <c>log.csv</c>: a header <c>epoch,loss,correct</c> and one row per epoch, losses in round-trip form.</summary>
    /// <param name="folder">The run's folder.</param>
    /// <param name="epochs">Every epoch's report.</param>
    public static void WriteLog(string folder, IReadOnlyList<EpochReport> epochs)
    {
        var csv = new StringBuilder("epoch,loss,correct\n");
        foreach (var report in epochs)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{report.Epoch},{report.TotalLoss:R},{report.Correct}\n");
        }

        AtomicFile.WriteAllText(Path.Combine(folder, "log.csv"), csv.ToString());
    }

    /// <summary>Writes <c>loss.png</c> and <c>loss.svg</c>.</summary>
    /// <param name="folder">The run's folder.</param>
    /// <param name="epochs">Every epoch's report.</param>
    /// <param name="settings">The run's settings, for the title.</param>
    public static void WriteLossPlot(string folder, IReadOnlyList<EpochReport> epochs, TrainingSettings settings)
    {
        var title = string.Create(CultureInfo.InvariantCulture, $"{settings.Dataset}, hidden {settings.Hidden}, rate {settings.LearningRate}");
        using var plot = LossPlot.Create(epochs, settings.Points, title);
        PlotFiles.Save(plot, folder, "loss", LossPlot.Width, LossPlot.Height);
    }

    /// <summary>
    /// Writes <c>boundary.png</c> and <c>boundary.svg</c>: the model's output over [0, 1]² with the points, titled with
    /// the dataset, hidden width, epochs and the accuracy of the pictured model.
    /// </summary>
    /// <param name="folder">The folder.</param>
    /// <param name="name">The file name without extension, for example <c>boundary</c>.</param>
    /// <param name="model">The model.</param>
    /// <param name="data">The points to draw and count.</param>
    /// <param name="caption">What trained the model, for example <c>hidden 10, after 500 epochs</c>.</param>
    /// <param name="rowsDone">Receives the heatmap rows evaluated so far (of <see cref="BoundaryPlot.Rows"/>), or <see langword="null"/>.</param>
    /// <returns>How many of the points the model classifies correctly.</returns>
    public static int WriteBoundary(string folder, string name, Network model, Dataset data, string caption, IProgress<int>? rowsDone = null)
    {
        var recorded = RecordedModel.Record(model, inputCount: 2);
        var correct = recorded.CountCorrect(data);
        using var plot = BoundaryPlot.Create(recorded, data, $"{data.Name}, {caption}: {Accuracy(correct, data.Count)}", rowsDone);
        PlotFiles.Save(plot, folder, name, BoundaryPlot.Width, BoundaryPlot.Height);
        return correct;
    }

    /// <summary>
    /// Writes <c>boundaries.png</c> and <c>boundaries.svg</c>: the boundary pictures of several runs side by side, three
    /// to a row, each titled with its dataset and how many of its points the pictured model classifies correctly.
    /// </summary>
    /// <param name="folder">The folder.</param>
    /// <param name="panels">Each run's trained model, its training points and its correct count, in order.</param>
    public static void WriteBoundaryGrid(string folder, IReadOnlyList<BoundaryPanel> panels)
    {
        var plots = panels.Select(p => BoundaryPlot.Create(RecordedModel.Record(p.Model, inputCount: 2), p.Data, $"{p.Data.Name}: {Accuracy(p.Correct, p.Data.Count)}")).ToList();
        try
        {
            PlotFiles.SaveGrid(plots, columns: 3, folder, "boundaries", BoundaryPlot.Width, BoundaryPlot.Height);
        }
        finally
        {
            plots.ForEach(plot => plot.Dispose());
        }
    }

    private static string Accuracy(int correct, int count) =>
        string.Create(CultureInfo.InvariantCulture, $"{correct}/{count} correct ({100.0 * correct / count:F0}%)");

    /// <summary>One panel of <see cref="WriteBoundaryGrid"/>: a trained model and the points it is drawn with.</summary>
    /// <param name="Model">The trained model.</param>
    /// <param name="Data">Its training points.</param>
    /// <param name="Correct">How many of them the model classifies correctly, as <see cref="WriteBoundary"/> returned.</param>
    public sealed record BoundaryPanel(Network Model, Dataset Data, int Correct);
}
