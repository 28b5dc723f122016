using MiniTorch.Cli;
using MiniTorch.Runs;

namespace MiniTorch.Tests.Cli;

/// <summary>Task 1.5: <c>minitorch train --data points.csv</c>, training on your own points.</summary>
[Trait("Task", "1.5")]
public sealed class TrainDataTests : IDisposable
{
    private const string SmallFile = "x1,x2,label\n0.1,0.1,0\n0.2,0.9,1\n0.9,0.2,1\n0.8,0.8,0\n0.5,0.4,0\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("minitorch-train-data-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Training_on_a_file_writes_the_log_and_pictures_of_its_points_and_no_model_file()
    {
        var data = Write("corners.csv", SmallFile);
        var run = Path.Combine(_folder, "run");

        var result = CommandRun.Of("train", "--data", data, "--hidden", "3", "--epochs", "4", "--out", run);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        Assert.Equal(5, File.ReadAllLines(Path.Combine(run, "log.csv")).Length);
        PictureFiles.AssertPng(Path.Combine(run, "boundary.png"), BoundaryPlot.Width, BoundaryPlot.Height);
        PictureFiles.AssertSvg(Path.Combine(run, "loss.svg"));
        Assert.False(File.Exists(Path.Combine(run, "model.json")));
        Assert.Contains("Trained corners.csv in ", result.Output, StringComparison.Ordinal);
        Assert.Contains("/5 correct in the last epoch", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_file_trains_exactly_as_the_same_points_given_to_the_library()
    {
        var data = Write("corners.csv", SmallFile);
        var run = Path.Combine(_folder, "run");
        var result = CommandRun.Of("train", "--data", data, "--hidden", "3", "--rate", "0.7", "--epochs", "5", "--seed", "4", "--engine", "graph", "--out", run);
        Assert.Equal(0, result.ExitCode);

        var points = PointsCsv.Read(new StringReader(SmallFile), "corners.csv");
        var outcome = new Trainer(TrainingSettings.CreateNetwork(3, 4), points, 0.7, new ScalarEngine()).Train(5);

        var logged = File.ReadAllLines(Path.Combine(run, "log.csv"))[^1];
        Assert.Equal(FormattableString.Invariant($"5,{outcome.Final.TotalLoss:R},{outcome.Final.Correct}"), logged);
    }

    [SkippableFact]
    public void Without_out_the_run_folder_is_named_after_the_file()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "runs the built CLI as a child process");
        Write("my points!.csv", SmallFile);

        using var child = CliProcess.Shell($"cd '{_folder}' && exec dotnet \"$0\" train --data 'my points!.csv' --hidden 2 --epochs 2");
        var (exitCode, _, error) = child.WaitForExit();

        Assert.True(exitCode == 0, error);
        var made = Assert.Single(Directory.GetDirectories(Path.Combine(_folder, "runs")));
        Assert.Matches("^my-points-[0-9]{8}-[0-9]{6}$", Path.GetFileName(made));
    }

    [Fact]
    public void A_bad_line_exits_2_with_one_line_naming_the_file_and_the_line()
    {
        var data = Write("bad.csv", "x1,x2,label\n0.1,0.2,0\n\n0.3,0.4,2\n");

        var result = CommandRun.Of("train", "--data", data, "--out", Path.Combine(_folder, "run"));

        Assert.Equal(MiniTorchCommand.UsageError, result.ExitCode);
        Assert.Equal([$"--data {data}, line 4: label \"2\" must be 0 or 1"], result.ErrorLines);
        Assert.False(Directory.Exists(Path.Combine(_folder, "run")));
    }

    [Fact]
    public void A_missing_file_exits_2_with_one_line_naming_it()
    {
        var data = Path.Combine(_folder, "absent.csv");

        var result = CommandRun.Of("train", "--data", data, "--out", Path.Combine(_folder, "run"));

        Assert.Equal(MiniTorchCommand.UsageError, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"cannot read --data '{data}': ", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--dataset", "xor")]
    [InlineData("--points", "20")]
    public void The_file_cannot_be_combined_with_another_source_of_points(string option, string value)
    {
        var data = Write("corners.csv", SmallFile);

        var result = CommandRun.Of("train", "--data", data, option, value, "--out", Path.Combine(_folder, "run"));

        Assert.Equal(MiniTorchCommand.UsageError, result.ExitCode);
        Assert.Equal(["--data cannot be combined with --dataset or --points: the file gives the points"], result.ErrorLines);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
