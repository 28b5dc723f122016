using System.CommandLine;
using System.Globalization;
using MiniTorch.Plots;

namespace MiniTorch.Cli.Commands;

/// <summary>
/// <c>minitorch train</c>: trains MiniTorch's network on a dataset (or on all six) and writes the log, the pictures
/// and the model into a folder.
/// </summary>
internal sealed class TrainCommand
{
    private const string AllDatasets = "all";

    private readonly Option<string?> _dataset = CommonOptions.Dataset(
        "The dataset: simple, diag, split, xor, circle, spiral, or all (the six with MiniTorch's recommended widths).", "xor");

    private readonly Option<int> _points = CommonOptions.Points("Number of training points", 50);
    private readonly Option<int> _hidden = CommonOptions.Hidden("with 'all', 2 for simple and 10 for the others unless given", 10);
    private readonly Option<double> _rate = CommonOptions.Rate(0.5);
    private readonly Option<int> _epochs = CommonOptions.Epochs("Number of epochs", 500);
    private readonly Option<ulong> _seed = CommonOptions.Seed("the points and of the initial weights", 1);
    private readonly Option<string> _engine = new("--engine") { Description = "How gradients are computed: tape (a recorded tape, replayed per point) or graph (a Scalar graph per point); same numbers.", DefaultValueFactory = _ => TrainingEngines.Default };
    private readonly Option<int> _threads = CommonOptions.Threads("Threads that share each epoch of the tape engine (1 to 64); the numbers are the same for any count.");
    private readonly Option<string?> _out = CommonOptions.OutFolder("Folder for the files (default runs/<dataset>-<yyyyMMdd-HHmmss>).");

    private TrainCommand()
    {
    }

    /// <summary>Builds the <c>train</c> command.</summary>
    /// <returns>The command, ready to add to the root.</returns>
    public static Command Create() => new TrainCommand().Build();

    private Command Build()
    {
        var command = new Command("train", "Train MiniTorch's network (2 -> H -> H -> 1) and write log.csv, model.json and the boundary and loss pictures.")
        {
            _dataset, _points, _hidden, _rate, _epochs, _seed, _engine, _threads, _out,
        };
        command.SetAction((parseResult, cancellationToken) => Task.FromResult(Run(parseResult, cancellationToken)));
        return command;
    }

    private int Run(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        var runs = ReadSettings(parseResult);
        var threads = OptionChecks.Threads(parseResult.GetValue(_threads));
        var engine = TrainingEngines.Check(parseResult.GetValue(_engine)!, threads);
        var folder = parseResult.GetValue(_out) ?? DefaultFolder(parseResult.GetValue(_dataset)!);
        using var owned = OwnedRunFolder.Claim(folder);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var signals = TerminationSignals.Listen(stop);
        var panels = new List<RunFolder.BoundaryPanel>();
        try
        {
            var console = new TrainingConsole(output);
            var summaries = new List<RunSummary>();
            foreach (var settings in runs)
            {
                var runFolder = owned.Staging;
                var name = settings.Dataset.ToLowerInvariant();
                if (runs.Count > 1)
                {
                    runFolder = Directory.CreateDirectory(Path.Combine(owned.Staging, name)).FullName;
                    console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"== {settings.Dataset}: hidden {settings.Hidden}, {settings.Points} points, rate {settings.LearningRate}, {settings.Epochs} epochs, seed {settings.Seed}"));
                }

                var (outcome, interrupted, panel) = TrainOne(settings, engine, threads, runFolder, console, stop.Token);
                if (outcome.DivergedAtEpoch is { } epoch)
                {
                    owned.Publish();
                    error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"training diverged at epoch {epoch}; try a smaller --rate"));
                    return MiniTorchCommand.Failure;
                }

                if (panel is not null)
                {
                    summaries.Add(new RunSummary(settings, outcome.Final, name));
                    panels.Add(panel);
                }

                if (interrupted)
                {
                    var where = runs.Count > 1 ? $" of {settings.Dataset}" : string.Empty;
                    if (panels.Count == 0)
                    {
                        error.WriteLine("training interrupted before the first epoch ended; wrote nothing");
                        return MiniTorchCommand.Interrupted;
                    }

                    WriteOverview(owned.Staging, runs.Count, summaries, panels);
                    owned.Publish();
                    error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"training interrupted at epoch {outcome.Epochs.Count}{where}; wrote {folder}"));
                    return MiniTorchCommand.Interrupted;
                }
            }

            WriteOverview(owned.Staging, runs.Count, summaries, panels);
            owned.Publish();
            output.WriteLine($"Wrote {folder}");
            return 0;
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"cannot write the run's files: {problem.Message}");
            return MiniTorchCommand.Failure;
        }
        finally
        {
            panels.ForEach(panel => panel.Dispose());
        }
    }

    /// <summary>For several runs, writes <c>summary.md</c> and the side-by-side boundaries of those that have a model.</summary>
    private static void WriteOverview(string folder, int runCount, List<RunSummary> summaries, List<RunFolder.BoundaryPanel> panels)
    {
        if (runCount > 1)
        {
            RunSummary.WriteTable(folder, summaries);
            RunFolder.WriteBoundaryGrid(folder, panels);
        }
    }

    /// <summary>
    /// Trains one network and writes its files: log.csv and model.json first, then the pictures. Returns the outcome,
    /// whether <paramref name="stop"/> ended training early, and the boundary panel unless training diverged or no
    /// epoch was completed (then there is no model to save).
    /// </summary>
    private static (TrainingOutcome Outcome, bool Interrupted, RunFolder.BoundaryPanel? Panel) TrainOne(TrainingSettings settings, string engineName, int threads, string folder, TrainingConsole console, CancellationToken stop)
    {
        var network = settings.CreateNetwork();
        var data = settings.CreateDataset();
        var engine = TrainingEngines.Create(engineName, threads);
        TrainingOutcome outcome;
        bool interrupted;
        try
        {
            (outcome, interrupted) = console.Train(new Trainer(network, data, settings.LearningRate, engine), settings.Epochs, settings.Dataset, stop);
        }
        finally
        {
            (engine as IDisposable)?.Dispose();
        }

        if (outcome.Epochs.Count == 0)
        {
            return (outcome, interrupted, null);
        }

        RunFolder.WriteLog(folder, outcome.Epochs);
        if (outcome.Diverged)
        {
            RunFolder.WriteLossPlot(folder, outcome.Epochs, settings);
            return (outcome, interrupted, null);
        }

        var final = outcome.Final;
        var completed = interrupted ? final.Epoch : (int?)null;
        ModelFile.Save(Path.Combine(folder, "model.json"), new TrainedModel(network, settings, final.TotalLoss, final.Correct) { CompletedEpochs = completed });
        console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Trained {settings.Dataset} in {final.Elapsed.TotalSeconds:F1} s: loss {final.TotalLoss:R}, {final.Correct}/{settings.Points} correct in the last epoch"));
        RunFolder.WriteLossPlot(folder, outcome.Epochs, settings);
        var caption = RunFolder.BoundaryCaption(settings, final.Epoch);
        var panel = console.ShowProgress(
            $"{settings.Dataset} boundary", BoundaryPlot.Rows, rowsDone => RunFolder.WriteBoundary(folder, "boundary", network, data, caption, rowsDone));
        return (outcome, interrupted, panel);
    }

    private List<TrainingSettings> ReadSettings(ParseResult parseResult)
    {
        var name = parseResult.GetValue(_dataset)!;
        var all = string.Equals(name, AllDatasets, StringComparison.OrdinalIgnoreCase);
        var datasets = all ? [.. Datasets.Names] : new List<string> { OptionChecks.Dataset(name) };
        var points = OptionChecks.Points(parseResult.GetValue(_points));
        var hidden = OptionChecks.Hidden(parseResult.GetValue(_hidden));
        var hiddenGiven = parseResult.GetResult(_hidden) is { Implicit: false };
        var rate = OptionChecks.Rate(parseResult.GetValue(_rate));
        var epochs = OptionChecks.Epochs(parseResult.GetValue(_epochs));
        var seed = parseResult.GetValue(_seed);
        return
        [
            .. datasets.Select(dataset => new TrainingSettings(
                dataset, points, all && !hiddenGiven ? TrainingSettings.RecommendedHidden(dataset) : hidden, rate, epochs, seed)),
        ];
    }

    private static string DefaultFolder(string dataset) =>
        Path.Combine("runs", string.Create(CultureInfo.InvariantCulture, $"{dataset.ToLowerInvariant()}-{DateTime.Now:yyyyMMdd-HHmmss}"));
}
