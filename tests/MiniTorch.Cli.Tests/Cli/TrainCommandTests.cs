using System.Globalization;
using MiniTorch.Cli;
using MiniTorch.Runs;

namespace MiniTorch.Tests.Cli;

/// <summary>Task 1.5: <c>minitorch train</c> end to end, in-process, with few points and epochs.</summary>
[Trait("Task", "1.5")]
public sealed class TrainCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("minitorch-train-").FullName;

    public static TheoryData<string[], string> BadInputs => new()
    {
        { ["--dataset", "moons"], "unknown dataset 'moons'; valid names: simple, diag, split, xor, circle, spiral" },
        { ["--points", "1"], "--points must be between 2 and 100000 (got 1)" },
        { ["--points", "100001"], "--points must be between 2 and 100000 (got 100001)" },
        { ["--hidden", "0"], "--hidden must be between 1 and 1000 (got 0)" },
        { ["--hidden", "1001"], "--hidden must be between 1 and 1000 (got 1001)" },
        { ["--rate", "0"], "--rate must be a positive finite number (got 0)" },
        { ["--rate", "-0.5"], "--rate must be a positive finite number (got -0.5)" },
        { ["--epochs", "0"], "--epochs must be at least 1 (got 0)" },
        { ["--engine", "fast"], "unknown engine 'fast'; valid engines: graph, tape, compiled, auto" },
        { ["--threads", "0"], "--threads must be between 1 and 64 (got 0)" },
        { ["--threads", "-1"], "--threads must be between 1 and 64 (got -1)" },
        { ["--threads", "65"], "--threads must be between 1 and 64 (got 65)" },
        { ["--engine", "graph", "--threads", "2"], "--threads 2 needs --engine tape or compiled or auto; the graph engine runs on one thread" },
        { ["--hidden", "0,3"], "--hidden must be between 1 and 1000 (got 0)" },
        { ["--hidden", "1,2,3,4,5"], "--hidden lists 5 widths, but a network has 1 to 4 hidden layers" },
        { ["--layers", "0"], "--layers must be between 1 and 4 (got 0)" },
        { ["--layers", "5"], "--layers must be between 1 and 4 (got 5)" },
        { ["--hidden", "3,3", "--layers", "2"], "--layers cannot be combined with a list of widths in --hidden: the list gives the layers" },
        { ["--activation", "gelu"], "unknown activation 'gelu'; valid activations: relu, tanh, sigmoid" },
        { ["--hidden", "1000", "--layers", "3"], "a network of hidden widths 1000,1000,1000 has 2006001 parameters; the most is 1005001, as many as MiniTorch's network of width 1000" },
        { ["--batch", "0"], "--batch must be at least 1 (got 0)" },
        { ["--l2", "-0.1"], "--l2 must be a number of at least 0 (got -0.1)" },
        { ["--noise", "0.6"], "--noise must be from 0 to 0.5, the share of the square a point may move by (got 0.6)" },
        { ["--test", "0.95"], "--test must be from 0 to 0.9, the share of the points held out for testing (got 0.95)" },
    };

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Training_writes_the_log_pictures_and_model_into_the_out_folder()
    {
        var run = CommandRun.Of("train", "--dataset", "Simple", "--points", "12", "--hidden", "3", "--epochs", "12", "--out", _folder);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        PictureFiles.AssertPng(Path.Combine(_folder, "boundary.png"), BoundaryPlot.Width, BoundaryPlot.Height);
        PictureFiles.AssertPng(Path.Combine(_folder, "loss.png"), LossPlot.Width, LossPlot.Height);
        PictureFiles.AssertSvg(Path.Combine(_folder, "boundary.svg"));
        PictureFiles.AssertSvg(Path.Combine(_folder, "loss.svg"));
        var log = File.ReadAllLines(Path.Combine(_folder, "log.csv"));
        Assert.Equal("epoch,loss,correct", log[0]);
        Assert.Equal(Enumerable.Range(1, 12).Select(e => e.ToString(CultureInfo.InvariantCulture)), log.Skip(1).Select(l => l.Split(',')[0]));
        var model = ModelFile.Load(Path.Combine(_folder, "model.json"));
        Assert.Equal(new TrainingSettings("simple", 12, 3, 0.5, 12, 1), model.Settings);
        Assert.Contains($"Wrote {_folder}", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.GetFiles(_folder), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void The_log_lines_come_every_ten_epochs_and_at_the_last_with_round_trip_losses()
    {
        var run = CommandRun.Of("train", "--points", "10", "--hidden", "2", "--epochs", "23", "--out", _folder);

        var lines = run.Output.Split('\n').Where(l => l.StartsWith("Epoch ", StringComparison.Ordinal)).ToArray();
        var rows = File.ReadAllLines(Path.Combine(_folder, "log.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(
            new[] { 10, 20, 23 }.Select(e => $"Epoch {e} loss {rows[e - 1][1]} correct {rows[e - 1][2]}"),
            lines);
        Assert.All(rows, row => Assert.Equal(row[1], double.Parse(row[1], CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void All_trains_the_six_datasets_into_subfolders_with_a_summary()
    {
        var run = CommandRun.Of("train", "--dataset", "all", "--points", "8", "--epochs", "2", "--out", _folder);

        Assert.Equal(0, run.ExitCode);
        var summary = File.ReadAllLines(Path.Combine(_folder, "summary.md"));
        foreach (var name in MiniTorch.Datasets.Names)
        {
            var sub = Path.Combine(_folder, name.ToLowerInvariant());
            PictureFiles.AssertPng(Path.Combine(sub, "boundary.png"), BoundaryPlot.Width, BoundaryPlot.Height);
            Assert.True(File.Exists(Path.Combine(sub, "loss.svg")));
            Assert.Equal(name == "Simple" ? 2 : 10, ModelFile.Load(Path.Combine(sub, "model.json")).Settings.Hidden);
            Assert.Single(summary, line => line.StartsWith($"| {name} |", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void All_also_draws_the_six_boundaries_side_by_side_in_the_out_folder()
    {
        var run = CommandRun.Of("train", "--dataset", "all", "--points", "8", "--epochs", "2", "--out", _folder);

        Assert.Equal(0, run.ExitCode);
        PictureFiles.AssertPng(Path.Combine(_folder, "boundaries.png"), 3 * BoundaryPlot.Width, 2 * BoundaryPlot.Height);
        PictureFiles.AssertSvg(Path.Combine(_folder, "boundaries.svg"));
        var svg = File.ReadAllText(Path.Combine(_folder, "boundaries.svg"));
        foreach (var name in MiniTorch.Datasets.Names)
        {
            Assert.Matches($"{name}: [0-9]/8 correct \\([0-9]+%\\)", svg);
        }
    }

    [Fact]
    public void A_single_dataset_draws_no_side_by_side_picture()
    {
        Assert.Equal(0, CommandRun.Of("train", "--dataset", "xor", "--points", "8", "--epochs", "2", "--out", _folder).ExitCode);

        Assert.False(File.Exists(Path.Combine(_folder, "boundaries.png")));
    }

    [Fact]
    public void Every_engine_writes_the_same_log_and_model()
    {
        string[] Train(string engine, string dataset)
        {
            var folder = Path.Combine(_folder, dataset, engine);
            var run = CommandRun.Of("train", "--dataset", dataset, "--points", "9", "--epochs", "12", "--engine", engine, "--out", folder);
            Assert.Equal(0, run.ExitCode);
            var datasets = dataset == "all" ? MiniTorch.Datasets.Names.Select(n => n.ToLowerInvariant()) : [string.Empty];
            return [.. datasets.SelectMany(d => new[] { "log.csv", "model.json" }.Select(f => File.ReadAllText(Path.Combine(folder, d, f))))];
        }

        Assert.Equal(Train("graph", "xor"), Train("TAPE", "xor"));
        var graph = Train("graph", "all");
        Assert.Equal(graph, Train("tape", "all"));
        Assert.Equal(graph, Train("compiled", "all"));
    }

    [Fact]
    public void Two_and_three_threads_write_the_same_log_and_model_as_the_graph_engine()
    {
        string[] Train(string dataset, params string[] engine)
        {
            var folder = Path.Combine(_folder, dataset, string.Join('-', engine));
            var run = CommandRun.Of(["train", "--dataset", dataset, "--points", "11", "--epochs", "12", .. engine, "--out", folder]);
            Assert.Equal(0, run.ExitCode);
            var datasets = dataset == "all" ? MiniTorch.Datasets.Names.Select(n => n.ToLowerInvariant()) : [string.Empty];
            return [.. datasets.SelectMany(d => new[] { "log.csv", "model.json" }.Select(f => File.ReadAllText(Path.Combine(folder, d, f))))];
        }

        var graph = Train("all", "--engine", "graph");
        Assert.Equal(graph, Train("all", "--threads", "2"));
        Assert.Equal(graph, Train("all", "--engine", "tape", "--threads", "3"));
        Assert.Equal(graph, Train("all", "--engine", "compiled", "--threads", "2"));
        Assert.Equal(Train("xor", "--engine", "graph", "--threads", "1"), Train("xor", "--threads", "2"));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1.5")]
    public void Threads_that_are_not_a_whole_number_exit_2_naming_the_option_and_the_range(string threads)
    {
        var run = CommandRun.Of("train", "--threads", threads, "--out", _folder);

        Assert.Equal(MiniTorchCommand.UsageError, run.ExitCode);
        Assert.Equal($"--threads must be a whole number between 1 and 64 (got '{threads}')", run.ErrorLines[0]);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_exits_2_with_one_line_on_stderr(string[] args, string message)
    {
        var run = CommandRun.Of(["train", .. args, "--out", _folder]);

        Assert.Equal(MiniTorchCommand.UsageError, run.ExitCode);
        Assert.Equal([message], run.ErrorLines);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public void An_unwritable_out_folder_exits_2_with_one_line()
    {
        var file = Path.Combine(_folder, "a-file");
        File.WriteAllText(file, "not a folder");

        var run = CommandRun.Of("train", "--epochs", "1", "--out", Path.Combine(file, "run"));

        Assert.Equal(MiniTorchCommand.UsageError, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"cannot write to --out '{Path.Combine(file, "run")}'", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_diverging_run_exits_1_and_keeps_a_valid_log()
    {
        var run = CommandRun.Of("train", "--points", "20", "--rate", "1e300", "--epochs", "50", "--out", _folder);

        Assert.Equal(MiniTorchCommand.Failure, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Matches("^training diverged at epoch [0-9]+; try a smaller --rate$", line);
        var epoch = int.Parse(line.Split(' ')[4].TrimEnd(';'), CultureInfo.InvariantCulture);
        Assert.Equal(epoch + 1, File.ReadAllLines(Path.Combine(_folder, "log.csv")).Length);
        PictureFiles.AssertSvg(Path.Combine(_folder, "loss.svg"));
        Assert.False(File.Exists(Path.Combine(_folder, "model.json")));
    }
}
