using System.Globalization;
using System.Text;

namespace MiniTorch.Plots;

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
    /// <param name="data">The training points, for the title and the number of points.</param>
    /// <param name="hidden">The hidden width, for the title.</param>
    /// <param name="learningRate">The learning rate, for the title.</param>
    public static void WriteLossPlot(string folder, IReadOnlyList<EpochReport> epochs, Dataset data, int hidden, double learningRate)
    {
        var title = string.Create(CultureInfo.InvariantCulture, $"{data.Name}, hidden {hidden}, rate {learningRate}");
        using var plot = LossPlot.Create(epochs, data.Count, title);
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
    /// <returns>
    /// The picture drawn, with how many of the points the model classifies correctly; dispose it, or hand it to
    /// <see cref="WriteBoundaryGrid"/> first, which shows it again without evaluating the model again.
    /// </returns>
    public static BoundaryPanel WriteBoundary(string folder, string name, Network model, Dataset data, string caption, IProgress<int>? rowsDone = null)
    {
        var recorded = RecordedModel.Record(model, inputCount: 2);
        var correct = recorded.CountCorrect(data);
        var plot = BoundaryPlot.Create(recorded, data, $"{data.Name}, {caption}: {Accuracy(correct, data.Count)}", rowsDone);
        var panel = new BoundaryPanel(plot, data, correct);
        try
        {
            PlotFiles.Save(plot, folder, name, BoundaryPlot.Width, BoundaryPlot.Height);
            return panel;
        }
        catch
        {
            panel.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Writes <c>boundaries.png</c> and <c>boundaries.svg</c>: the boundary pictures of several runs side by side, three
    /// to a row, each retitled with its dataset and how many of its points the pictured model classifies correctly.
    /// </summary>
    /// <param name="folder">The folder.</param>
    /// <param name="panels">Each run's boundary picture, as <see cref="WriteBoundary"/> returned it, in order.</param>
    public static void WriteBoundaryGrid(string folder, IReadOnlyList<BoundaryPanel> panels)
    {
        foreach (var panel in panels)
        {
            panel.Plot.Title($"{panel.Data.Name}: {Accuracy(panel.Correct, panel.Data.Count)}");
        }

        PlotFiles.SaveGrid([.. panels.Select(p => p.Plot)], columns: 3, folder, "boundaries", BoundaryPlot.Width, BoundaryPlot.Height);
    }

    /// <summary>What trained a model, for the boundary's title: <c>hidden 10, after 500 epochs</c>.</summary>
    /// <param name="hidden">The hidden width.</param>
    /// <param name="epochs">The epochs completed.</param>
    /// <returns>The caption.</returns>
    public static string BoundaryCaption(int hidden, int epochs) =>
        string.Create(CultureInfo.InvariantCulture, $"hidden {hidden}, after {epochs} epochs");

    private static string Accuracy(int correct, int count) =>
        string.Create(CultureInfo.InvariantCulture, $"{correct}/{count} correct ({100.0 * correct / count:F0}%)");

    /// <summary>A boundary picture drawn by <see cref="WriteBoundary"/>, kept for <see cref="WriteBoundaryGrid"/>.</summary>
    /// <param name="plot">The picture.</param>
    /// <param name="data">The points it shows.</param>
    /// <param name="correct">How many of them the pictured model classifies correctly.</param>
    public sealed class BoundaryPanel(ScottPlot.Plot plot, Dataset data, int correct) : IDisposable
    {
        /// <summary>The picture.</summary>
        public ScottPlot.Plot Plot { get; } = plot;

        /// <summary>The points it shows.</summary>
        public Dataset Data { get; } = data;

        /// <summary>How many of them the pictured model classifies correctly.</summary>
        public int Correct { get; } = correct;

        /// <inheritdoc/>
        public void Dispose() => Plot.Dispose();
    }
}
