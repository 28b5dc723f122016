using System.Globalization;
using System.Text;

namespace MiniTorch.Runs;

/// <summary>
/// The files of a training run, each written atomically into one folder: <c>log.csv</c>, <c>model.json</c>, and the
/// loss and boundary pictures, the same bytes whether <c>minitorch train</c> writes them or the sandbox offers them.
/// </summary>
public static class RunFolder
{
    /// <summary>
    /// Writes <c>log.csv</c>: a header <c>epoch,loss,correct</c> and one row per epoch, losses in round-trip form; a run
    /// with test points adds the columns <c>test_loss,test_correct</c>.
    /// </summary>
    /// <param name="folder">The run's folder.</param>
    /// <param name="run">The run, after at least one epoch.</param>
    public static void WriteLog(string folder, TrainingRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var tests = run.Tests;
        var csv = new StringBuilder(tests.Count > 0 ? "epoch,loss,correct,test_loss,test_correct\n" : "epoch,loss,correct\n");
        for (var k = 0; k < run.Epochs.Count; k++)
        {
            var report = run.Epochs[k];
            csv.Append(CultureInfo.InvariantCulture, $"{report.Epoch},{report.TotalLoss:R},{report.Correct}");
            csv.Append(k < tests.Count ? string.Create(CultureInfo.InvariantCulture, $",{tests[k].TotalLoss:R},{tests[k].Correct}\n") : "\n");
        }

        AtomicFile.WriteAllText(Path.Combine(folder, "log.csv"), csv.ToString());
    }

    /// <summary>
    /// Writes <c>model.json</c> (<see cref="ModelFile"/>): the network after the last epoch, with the run's settings and
    /// final metrics, and the epochs completed when the run stopped before its last.
    /// </summary>
    /// <param name="folder">The run's folder.</param>
    /// <param name="run">The run, after at least one epoch, of a built-in dataset (<see cref="TrainingPlan.Recorded"/>
    /// set: a model file names its dataset) and not diverged (a model file holds finite numbers). A run past its planned
    /// epochs is recorded as a run of the epochs it completed.</param>
    public static void WriteModel(string folder, TrainingRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var planned = run.Plan.Recorded ?? throw new ArgumentException("A model file can only record a run of a built-in dataset.", nameof(run));
        var final = run.Epochs[^1];
        var completed = final.Epoch < run.Plan.Epochs ? final.Epoch : (int?)null;
        // A run that went on past its planned epochs (the sandbox's play) is the command's run with that many epochs.
        var settings = final.Epoch > planned.Epochs ? planned with { Epochs = final.Epoch } : planned;
        ModelFile.Save(Path.Combine(folder, "model.json"), new TrainedModel(run.Network, settings, final.TotalLoss, final.Correct)
        {
            CompletedEpochs = completed,
            FinalTest = run.Tests.Count > 0 ? run.Tests[^1] : null,
        });
    }

    /// <summary>Writes <c>loss.png</c> and <c>loss.svg</c>, titled with the dataset, the network's shape and the rate.</summary>
    /// <param name="folder">The run's folder.</param>
    /// <param name="run">The run, after at least one epoch.</param>
    public static void WriteLossPlot(string folder, TrainingRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var title = string.Create(CultureInfo.InvariantCulture, $"{run.Data.Name}, {run.Plan.Shape}, rate {run.Plan.LearningRate}");
        using var plot = LossPlot.Create(run.Epochs, run.Data.Count, title);
        PlotFiles.Save(plot, folder, "loss", LossPlot.Width, LossPlot.Height);
    }

    /// <summary>Writes <c>boundary.png</c> and <c>boundary.svg</c> of the run's network after its last epoch.</summary>
    /// <param name="folder">The run's folder.</param>
    /// <param name="run">The run, after at least one epoch.</param>
    /// <param name="rowsDone">Receives the heatmap rows evaluated so far (of <see cref="BoundaryPlot.Rows"/>), or <see langword="null"/>.</param>
    /// <param name="stop">Stops the drawing while the network is recorded; see <see cref="WriteBoundary(string, string, Module{Scalar[], Scalar}, Dataset, string, IProgress{int}, CancellationToken)"/>.</param>
    /// <returns>The picture; see <see cref="WriteBoundary(string, string, Module{Scalar[], Scalar}, Dataset, string, IProgress{int}, CancellationToken)"/>.</returns>
    public static BoundaryPanel WriteBoundary(string folder, TrainingRun run, IProgress<int>? rowsDone = null, CancellationToken stop = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        return WriteBoundary(folder, "boundary", run.Network, run.Data, BoundaryCaption(run.Plan.Shape, run.Epochs[^1].Epoch), rowsDone, stop);
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
    /// <param name="stop">
    /// Stops the drawing before anything is written while the network is recorded for it (seconds for a wide network),
    /// which otherwise nothing could cut short; the rows that follow are stopped through <paramref name="rowsDone"/>.
    /// </param>
    /// <returns>
    /// The picture drawn, with how many of the points the model classifies correctly; dispose it, or hand it to
    /// <see cref="WriteBoundaryGrid"/> first, which shows it again without evaluating the model again.
    /// </returns>
    /// <exception cref="OperationCanceledException"><paramref name="stop"/> was cancelled before the network was recorded.</exception>
    public static BoundaryPanel WriteBoundary(
        string folder, string name, Module<Scalar[], Scalar> model, Dataset data, string caption, IProgress<int>? rowsDone = null, CancellationToken stop = default)
    {
        var recorded = Record(model, stop);
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
    /// <param name="panels">Each run's boundary picture, as <see cref="WriteBoundary(string, string, Module{Scalar[], Scalar}, Dataset, string, IProgress{int}, CancellationToken)"/> returned it, in order.</param>
    public static void WriteBoundaryGrid(string folder, IReadOnlyList<BoundaryPanel> panels)
    {
        foreach (var panel in panels)
        {
            panel.Plot.Title($"{panel.Data.Name}: {Accuracy(panel.Correct, panel.Data.Count)}");
        }

        PlotFiles.SaveGrid([.. panels.Select(p => p.Plot)], columns: 3, folder, "boundaries", BoundaryPlot.Width, BoundaryPlot.Height);
    }

    /// <summary>What trained a model, for the boundary's title: <c>hidden 10, after 500 epochs</c>.</summary>
    /// <param name="shape">The network's shape.</param>
    /// <param name="epochs">The epochs completed.</param>
    /// <returns>The caption.</returns>
    public static string BoundaryCaption(NetworkShape shape, int epochs) =>
        string.Create(CultureInfo.InvariantCulture, $"{shape}, after {epochs} epochs");

    // The network recorded for a picture. When the drawing may be stopped, the recording runs on a thread of the pool
    // and the wait for it ends as soon as stop is cancelled; the recording then finishes unobserved, having only read
    // the network (whose training has ended) and written nothing.
    private static ModelSnapshot Record(Module<Scalar[], Scalar> model, CancellationToken stop)
    {
        if (!stop.CanBeCanceled)
        {
            return ModelSnapshot.Of(model);
        }

        stop.ThrowIfCancellationRequested();
        return Task.Run(() => ModelSnapshot.Of(model), CancellationToken.None).WaitAsync(stop).GetAwaiter().GetResult();
    }

    private static string Accuracy(int correct, int count) =>
        string.Create(CultureInfo.InvariantCulture, $"{correct}/{count} correct ({100.0 * correct / count:F0}%)");

    /// <summary>A boundary picture drawn by <see cref="WriteBoundary(string, string, Module{Scalar[], Scalar}, Dataset, string, IProgress{int}, CancellationToken)"/>, kept for <see cref="WriteBoundaryGrid"/>.</summary>
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
