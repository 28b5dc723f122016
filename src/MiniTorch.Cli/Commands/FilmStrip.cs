using System.Globalization;
using MiniTorch.Expressions;
using MiniTorch.Runs;

namespace MiniTorch.Cli.Commands;

/// <summary>
/// <c>train --snapshots 0,10,50,200,500</c>: the model's decision boundary at chosen epochs, drawn side by side into
/// <c>snapshots.png</c> and <c>snapshots.svg</c>. Epoch k is the model after k epochs (k SGD steps with MiniTorch's
/// one batch); epoch 0 is the initial one.
/// </summary>
/// <remarks>
/// A snapshot (<see cref="ModelSnapshot"/>) copies the parameters' values and touches neither them nor their
/// derivatives, so taking snapshots does not change the training numbers.
/// </remarks>
internal sealed class FilmStrip
{
    /// <summary>The width of one picture of the strip, in pixels.</summary>
    public const int CellWidth = 420;

    /// <summary>The height of one picture of the strip, in pixels.</summary>
    public const int CellHeight = 400;

    /// <summary>The most pictures in one row; more start a new row.</summary>
    public const int MaxColumns = 5;

    private const string Example = "for example --snapshots 0,10,50,200,500";

    private readonly IReadOnlyList<int> _epochs;
    private readonly List<(int Epoch, ModelSnapshot Model)> _taken = [];

    /// <summary>Prepares a strip of the given epochs, as <see cref="ParseEpochs"/> read them.</summary>
    /// <param name="epochs">The epochs to draw, in increasing order.</param>
    public FilmStrip(IReadOnlyList<int> epochs) => _epochs = epochs;

    /// <summary>
    /// Reads the value of <c>--snapshots</c>: epochs from 0 to <paramref name="epochs"/>, separated by commas, in
    /// increasing order.
    /// </summary>
    /// <param name="text">The option's value, or <see langword="null"/> when it was not given.</param>
    /// <param name="epochs">The number of epochs the run trains.</param>
    /// <returns>The epochs, or <see langword="null"/> when the option was not given.</returns>
    /// <exception cref="UsageException">An entry is not a whole number, is outside 0..epochs, or does not increase.</exception>
    public static IReadOnlyList<int>? ParseEpochs(string? text, int epochs)
    {
        if (text is null)
        {
            return null;
        }

        var list = new List<int>();
        foreach (var entry in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(entry, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch))
            {
                throw new UsageException($"--snapshots '{TextExcerpt.Shorten(text)}': '{TextExcerpt.Shorten(entry)}' is not an epoch; write whole numbers separated by commas, {Example}");
            }

            if (epoch > epochs)
            {
                throw new UsageException(Invariant($"--snapshots: epoch {epoch} is beyond --epochs {epochs}; use epochs from 0 to {epochs}"));
            }

            if (list.Count > 0 && epoch <= list[^1])
            {
                throw new UsageException(Invariant($"--snapshots: {epoch} follows {list[^1]}; list each epoch once, in increasing order, {Example}"));
            }

            list.Add(epoch);
        }

        return list;
    }

    /// <summary>Called before the first epoch: records the initial model if epoch 0 was asked for.</summary>
    /// <param name="model">The model about to be trained.</param>
    public void Start(Module<Scalar[], Scalar> model) => TakeIfAsked(0, model);

    /// <summary>Called after every epoch, its steps taken: records the model if that epoch was asked for.</summary>
    /// <param name="report">The epoch's report.</param>
    /// <param name="model">The model being trained.</param>
    public void Observe(EpochReport report, Module<Scalar[], Scalar> model) => TakeIfAsked(report.Epoch, model);

    /// <summary>
    /// Writes <c>snapshots.png</c> and <c>snapshots.svg</c>: one boundary picture per snapshot taken (an interrupted
    /// run has fewer than asked), titled with its epoch and how many points it classifies correctly.
    /// </summary>
    /// <param name="folder">The run's folder.</param>
    /// <param name="data">The training points.</param>
    /// <param name="stop">Stops the drawing between two rows of a picture; then nothing is written.</param>
    /// <exception cref="OperationCanceledException"><paramref name="stop"/> was cancelled before the pictures were drawn.</exception>
    public void Write(string folder, Dataset data, CancellationToken stop)
    {
        if (_taken.Count == 0)
        {
            return;
        }

        var rowDone = new Reporter<int>(_ => stop.ThrowIfCancellationRequested());
        var plots = new List<ScottPlot.Plot>();
        try
        {
            foreach (var (epoch, model) in _taken)
            {
                plots.Add(BoundaryPlot.Create(model, data, Invariant($"{data.Name}, epoch {epoch}: {model.CountCorrect(data)}/{data.Count} correct"), rowDone));
            }

            PlotFiles.SaveGrid(plots, Math.Min(plots.Count, MaxColumns), folder, "snapshots", CellWidth, CellHeight);
        }
        finally
        {
            plots.ForEach(plot => plot.Dispose());
        }
    }

    private void TakeIfAsked(int epoch, Module<Scalar[], Scalar> model)
    {
        if (_epochs.Contains(epoch) && !_taken.Exists(s => s.Epoch == epoch))
        {
            _taken.Add((epoch, ModelSnapshot.Of(model)));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
