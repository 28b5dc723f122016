using System.CommandLine;
using System.Globalization;
using MiniTorch.Runs;

namespace MiniTorch.Cli.Commands;

/// <summary>
/// <c>minitorch train</c>: trains MiniTorch's network on a dataset (or on all six) and writes the log, the pictures
/// and the model into a folder.
/// </summary>
internal sealed class TrainCommand
{
    private const string AllDatasets = "all";

    private readonly Option<string?> _dataset = CommonOptions.Dataset(
        "The dataset: simple, diag, split, xor, circle, spiral, or all (the six with MiniTorch's recommended widths).", TrainingSettings.Default.Dataset.ToLowerInvariant());

    private readonly Option<string?> _data = new("--data")
    {
        Description = $"A CSV file of your own points, x1,x2,label per line (label 0 or 1, x1 and x2 in [0, 1], not rescaled; at most {PointsCsv.MaxPoints} points; optional header {PointsCsv.Header}; a regular file in UTF-8, at most {PointsFile.MaxBytes} bytes); instead of --dataset and --points.",
    };

    private readonly Option<int> _points = CommonOptions.Points("Number of training points", TrainingSettings.Default.Points);
    private readonly Option<int[]> _hidden = CommonOptions.Hidden("with 'all', 2 for simple and 10 for the others unless given", TrainingSettings.Default.Hidden);

    private readonly Option<int?> _layers = new("--layers")
    {
        Description = $"Number of hidden layers of width --hidden (1 to {NetworkShape.MaxLayers}; default 2, MiniTorch's network).",
        CustomParser = result => OptionChecks.ParseWholeNumber<int>(result, $"between 1 and {NetworkShape.MaxLayers}"),
    };

    private readonly Option<string> _activation = new("--activation")
    {
        Description = $"The hidden layers' activation: {string.Join(", ", NetworkShape.Activations)} (default {NetworkShape.Relu}, MiniTorch's).",
        DefaultValueFactory = _ => NetworkShape.Relu,
    };

    private readonly Option<double> _rate = CommonOptions.Rate(TrainingSettings.Default.LearningRate);

    private readonly Option<int?> _batch = new("--batch")
    {
        Description = "Points per SGD step (at least 1; default all the training points, MiniTorch's one step per epoch); the points are shuffled once, with the seed.",
        CustomParser = result => OptionChecks.ParseWholeNumber<int>(result, "of at least 1"),
    };

    private readonly Option<double> _l2 = new("--l2")
    {
        Description = "L2 regularisation λ: each step also moves every weight by -rate * λ * w (default 0, MiniTorch's).",
        CustomParser = OptionChecks.ParseDecimal,
    };

    private readonly Option<double> _noise = new("--noise")
    {
        Description = $"Noise of a built-in dataset's points, 0 to {NoisyPoints.MaxNoise}: each coordinate moves by up to ± noise / 2 after its label is drawn (TensorFlow Playground's 0 to 50%; default 0).",
        CustomParser = OptionChecks.ParseDecimal,
    };

    private readonly Option<double> _test = new("--test")
    {
        Description = $"Share of the points held out for testing, 0 to {TestSplit.MaxShare}: chosen with the seed, never trained on, their loss and correct count logged as test_loss and test_correct (default 0).",
        CustomParser = OptionChecks.ParseDecimal,
    };

    private readonly Option<int> _epochs = CommonOptions.Epochs("Number of epochs", TrainingSettings.Default.Epochs);
    private readonly Option<ulong> _seed = CommonOptions.Seed("the points and of the initial weights", TrainingSettings.Default.Seed);
    private readonly Option<string> _engine = CommonOptions.Engine();
    // course: replace with private readonly Option<int> _threads = CommonOptions.Threads("Threads per epoch: only 1 in the course, whose graph engine trains on one thread (the library's tape engines take up to 64).");
    private readonly Option<int> _threads = CommonOptions.Threads("Threads that share each epoch of the tape engine (1 to 64); the numbers are the same for any count.");
    // course: end
    private readonly Option<string?> _snapshots = new("--snapshots") { Description = "Also draw the boundary at these epochs side by side into snapshots.png and .svg, for example 0,10,50,200,500 (0 is the initial model).", HelpName = "EPOCHS" };
    private readonly Option<string?> _out = CommonOptions.OutFolder("Folder for the files (default runs/<dataset>-<yyyyMMdd-HHmmss>).");

    private TrainCommand()
    {
    }

    /// <summary>Builds the <c>train</c> command.</summary>
    /// <returns>The command, ready to add to the root.</returns>
    public static Command Create() => new TrainCommand().Build();

    private Command Build()
    {
        var command = new Command("train", "Train MiniTorch's network (2 -> H -> H -> 1, or 1 to 4 hidden layers of your widths and activation) and write log.csv, model.json and the boundary and loss pictures.")
        {
            _dataset, _data, _points, _hidden, _layers, _activation, _rate, _batch, _l2, _epochs, _seed, _noise, _test, _engine, _threads, _snapshots, _out,
        };
        command.SetAction((parseResult, cancellationToken) => Task.FromResult(Run(parseResult, cancellationToken)));
        return command;
    }

    private int Run(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        var (plans, label) = ReadPlans(parseResult);
        var threads = OptionChecks.Threads(parseResult.GetValue(_threads));
        var engine = OptionChecks.Engine(parseResult.GetValue(_engine)!, threads);
        var runs = plans.ConvertAll(plan => plan with { Engine = engine, Threads = threads });
        var snapshots = FilmStrip.ParseEpochs(parseResult.GetValue(_snapshots), runs[0].Epochs);
        var folder = parseResult.GetValue(_out) ?? DefaultFolder(label);
        using var owned = OwnedRunFolder.Claim(folder);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var signals = TerminationSignals.Listen(stop);
        var panels = new List<RunFolder.BoundaryPanel>();
        try
        {
            var console = new TrainingConsole(output);
            var summaries = new List<RunSummary>();
            foreach (var plan in runs)
            {
                var runFolder = owned.Staging;
                var name = plan.Data.Name.ToLowerInvariant();
                if (runs.Count > 1)
                {
                    runFolder = Directory.CreateDirectory(Path.Combine(owned.Staging, name)).FullName;
                    console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"== {plan.Data.Name}: {plan.Shape}, {plan.Data.Count} points, rate {plan.LearningRate}, {plan.Epochs} epochs, seed {plan.Seed}"));
                }

                var (epochs, stopped, panel) = TrainOne(plan, runFolder, console, snapshots is null ? null : new FilmStrip(snapshots), stop.Token);
                if (epochs.Count > 0 && !double.IsFinite(epochs[^1].TotalLoss))
                {
                    owned.Publish();
                    error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"training diverged at epoch {epochs[^1].Epoch}; try a smaller --rate"));
                    return MiniTorchCommand.Failure;
                }

                if (panel is not null)
                {
                    summaries.Add(new RunSummary(plan, epochs[^1], name));
                    panels.Add(panel);
                }

                if (stopped != Stopped.No)
                {
                    var where = runs.Count > 1 ? $" of {plan.Data.Name}" : string.Empty;
                    if (panels.Count == 0 && epochs.Count == 0)
                    {
                        error.WriteLine("training interrupted before the first epoch ended; wrote nothing");
                        return MiniTorchCommand.Interrupted;
                    }

                    WriteOverview(owned.Staging, runs.Count, summaries, panels);
                    owned.Publish();
                    error.WriteLine(stopped == Stopped.WhileTraining
                        ? string.Create(CultureInfo.InvariantCulture, $"training interrupted at epoch {epochs.Count}{where}; wrote {folder}")
                        : string.Create(CultureInfo.InvariantCulture, $"drawing interrupted after the last epoch ({epochs.Count}){where}; wrote {folder} without the pictures not yet drawn"));
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
            error.WriteLine($"cannot write the run's files: {owned.Describe(problem)}");
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
    /// Trains one network and writes its files: log.csv and model.json (for a built-in dataset) first, then the
    /// pictures. Returns every epoch's report, whether <paramref name="stop"/> ended training early or, after the last
    /// epoch, stopped the drawing of the pictures (a picture being drawn is abandoned, those drawn stay), and the
    /// boundary panel unless training diverged, no epoch was completed (then there is no model to save) or the drawing
    /// was stopped. With <paramref name="strip"/>, also the film strip.
    /// </summary>
    /// <remarks>
    /// A run stopped while training still draws its pictures, of the model it stopped at: its signal has been used,
    /// and a second one ends the process at once.
    /// </remarks>
    private static (IReadOnlyList<EpochReport> Epochs, Stopped Stopped, RunFolder.BoundaryPanel? Panel) TrainOne(TrainingPlan plan, string folder, TrainingConsole console, FilmStrip? strip, CancellationToken stop)
    {
        using var run = new TrainingRun(plan);
        var data = run.Data;
        strip?.Start(run.Network);
        var interrupted = console.Train(run, data.Name, stop, report => strip?.Observe(report, run.Network));
        var stopped = interrupted ? Stopped.WhileTraining : Stopped.No;
        if (run.Epochs.Count == 0)
        {
            return (run.Epochs, stopped, null);
        }

        RunFolder.WriteLog(folder, run);
        if (run.Diverged)
        {
            RunFolder.WriteLossPlot(folder, run);
            return (run.Epochs, stopped, null);
        }

        var final = run.Epochs[^1];
        if (plan.Recorded is not null)
        {
            RunFolder.WriteModel(folder, run);
        }

        console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Trained {data.Name} in {final.Elapsed.TotalSeconds:F1} s: loss {final.TotalLoss:R}, {final.Correct}/{data.Count} correct in the last epoch"));
        if (RunHealth.IsStuck(run.Epochs, data.Labels))
        {
            console.WriteLine($"Training is stuck: {RunHealth.StuckHint}.");
        }

        var drawing = interrupted ? CancellationToken.None : stop;
        try
        {
            RunFolder.WriteLossPlot(folder, run);
            strip?.Write(folder, data, drawing);
            var panel = console.ShowProgress($"{data.Name} boundary", BoundaryPlot.Rows, rowsDone => RunFolder.WriteBoundary(folder, run, rowsDone, drawing), drawing);
            return (run.Epochs, stopped, panel);
        }
        catch (OperationCanceledException) when (drawing.IsCancellationRequested)
        {
            return (run.Epochs, Stopped.WhileDrawing, null);
        }
    }

    /// <summary>
    /// Checks the options and returns the runs to train, with the name that starts the default folder's: the dataset,
    /// <c>all</c>, or the stem of the <c>--data</c> file.
    /// </summary>
    private (List<TrainingPlan> Runs, string Label) ReadPlans(ParseResult parseResult)
    {
        var widths = OptionChecks.Hidden(parseResult.GetValue(_hidden)!);
        var shape = OptionChecks.Shape(widths, parseResult.GetValue(_layers), parseResult.GetValue(_activation)!);
        var rate = OptionChecks.Rate(parseResult.GetValue(_rate));
        var batch = OptionChecks.Batch(parseResult.GetValue(_batch));
        var l2 = OptionChecks.L2(parseResult.GetValue(_l2));
        var epochs = OptionChecks.Epochs(parseResult.GetValue(_epochs));
        var seed = parseResult.GetValue(_seed);
        var noise = OptionChecks.Noise(parseResult.GetValue(_noise));
        var test = OptionChecks.TestShare(parseResult.GetValue(_test));
        if (parseResult.GetValue(_data) is { } file)
        {
            if (parseResult.GetResult(_dataset) is { Implicit: false } || parseResult.GetResult(_points) is { Implicit: false })
            {
                throw new UsageException("--data cannot be combined with --dataset or --points: the file gives the points");
            }

            if (noise != 0)
            {
                throw new UsageException("--noise moves the points of a built-in dataset; your points from --data are trained as they are");
            }

            var (train, held) = TestSplit.Of(ReadPoints(file), test, seed);
            return ([new TrainingPlan(train, shape, rate, epochs, seed, Recorded: null) { Test = held, BatchSize = batch, L2 = l2 }], FileStem(file));
        }

        var name = parseResult.GetValue(_dataset)!;
        var all = string.Equals(name, AllDatasets, StringComparison.OrdinalIgnoreCase);
        var datasets = all ? [.. Datasets.Names] : new List<string> { OptionChecks.Dataset(name) };
        var points = OptionChecks.Points(parseResult.GetValue(_points));
        var hiddenGiven = parseResult.GetResult(_hidden) is { Implicit: false };
        List<TrainingPlan> runs =
        [
            .. datasets.Select(dataset => TrainingPlan.Of(new TrainingSettings(dataset, points, widths[0], rate, epochs, seed)
            {
                Shape = all && !hiddenGiven ? new NetworkShape(shape.Widths.Select(_ => TrainingSettings.RecommendedHidden(dataset)), shape.Activation) : shape,
                BatchSize = batch,
                L2 = l2,
                Noise = noise,
                TestShare = test,
            })),
        ];
        return (runs, name);
    }

    // The file by the rules of every file a user names (PointsFile): a regular file, within the size limit, in UTF-8.
    private static Dataset ReadPoints(string path)
    {
        try
        {
            return PointsFile.Read(path);
        }
        catch (PointsCsvException problem)
        {
            throw new UsageException($"--data {path}, {problem.Message}", problem);
        }
        catch (Exception problem) when (problem is InvalidDataException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new UsageException($"cannot read --data '{path}': {problem.Message}", problem);
        }
    }

    // The file's name without extension, as a folder name: letters, digits, '-' and '_' kept, anything else a '-'.
    private static string FileStem(string path)
    {
        var stem = new string([.. Path.GetFileNameWithoutExtension(path).Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')]).Trim('-');
        return stem.Length == 0 ? "points" : stem;
    }

    private static string DefaultFolder(string dataset) =>
        Path.Combine("runs", string.Create(CultureInfo.InvariantCulture, $"{dataset.ToLowerInvariant()}-{DateTime.Now:yyyyMMdd-HHmmss}"));

    /// <summary>Whether, and when, a signal stopped a run.</summary>
    private enum Stopped
    {
        /// <summary>The run went to its end.</summary>
        No,

        /// <summary>Training stopped after the epoch under way.</summary>
        WhileTraining,

        /// <summary>Training had ended; the pictures were being drawn.</summary>
        WhileDrawing,
    }
}
