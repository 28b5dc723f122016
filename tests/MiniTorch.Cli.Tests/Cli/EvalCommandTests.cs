using MiniTorch.Cli;
using MiniTorch.Runs;

namespace MiniTorch.Tests.Cli;

/// <summary>Task 1.5: <c>minitorch eval</c> on a saved model.</summary>
[Trait("Task", "1.5")]
public sealed class EvalCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("minitorch-eval-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Eval_reports_accuracy_on_fresh_points_and_draws_the_boundary()
    {
        Assert.Equal(0, CommandRun.Of("train", "--dataset", "simple", "--hidden", "2", "--points", "10", "--epochs", "5", "--out", _folder).ExitCode);

        var run = CommandRun.Of("eval", "--model", Path.Combine(_folder, "model.json"), "--points", "30");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches("Accuracy on 30 fresh Simple points \\(seed 7\\): [0-9]+/30 \\(", run.Output);
        PictureFiles.AssertPng(Path.Combine(_folder, "eval-boundary.png"), BoundaryPlot.Width, BoundaryPlot.Height);
        PictureFiles.AssertSvg(Path.Combine(_folder, "eval-boundary.svg"));
    }

    [Fact]
    public void A_malformed_model_exits_2_naming_the_problem()
    {
        var path = Path.Combine(_folder, "model.json");
        File.WriteAllText(path, "{}");

        var run = CommandRun.Of("eval", "--model", path);

        Assert.Equal(MiniTorchCommand.UsageError, run.ExitCode);
        Assert.Equal([$"{path} is not a usable model file: 'formatVersion' is missing"], run.ErrorLines);
    }

    [Fact]
    public void A_missing_model_exits_2_with_one_line()
    {
        var run = CommandRun.Of("eval", "--model", Path.Combine(_folder, "none.json"));

        Assert.Equal(MiniTorchCommand.UsageError, run.ExitCode);
        Assert.StartsWith("cannot read --model", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_utf8_byte_in_the_model_exits_2_with_one_line()
    {
        Assert.Equal(0, CommandRun.Of("train", "--dataset", "simple", "--hidden", "2", "--points", "10", "--epochs", "1", "--out", _folder).ExitCode);
        var path = Path.Combine(_folder, "model.json");
        var bytes = File.ReadAllBytes(path);
        bytes[Array.IndexOf(bytes, (byte)'S')] = 0xC3;
        File.WriteAllBytes(path, bytes);

        var run = CommandRun.Of("eval", "--model", path);

        Assert.Equal(MiniTorchCommand.UsageError, run.ExitCode);
        Assert.StartsWith($"{path} is not a usable model file: it is not valid UTF-8 (byte offset ", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("/dev/zero", "a character device")]
    [InlineData("/tmp", "a directory")]
    public void A_model_path_that_is_not_a_regular_file_exits_2_with_one_line(string path, string kind)
    {
        Skip.If(OperatingSystem.IsWindows(), "devices are Unix files");

        var run = CommandRun.Of("eval", "--model", path);

        Assert.Equal(MiniTorchCommand.UsageError, run.ExitCode);
        Assert.Equal([$"{path} is not a usable model file: it is {kind}, not a regular file"], run.ErrorLines);
    }
}
