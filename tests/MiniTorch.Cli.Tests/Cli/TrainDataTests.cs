using MiniTorch.Cli;
using MiniTorch.Runs;

namespace MiniTorch.Tests.Cli;

/// <summary>
/// Task 1.5: <c>minitorch train --data points.csv</c>, training on your own points, read by the rules of every file a
/// user names: a regular file only (a device or a named pipe is refused before it is opened, so nothing hangs or
/// streams forever), at most 1 MiB, lines of at most 1,000 characters, UTF-8; each problem one line, exit code 2.
/// </summary>
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

    [Fact]
    public void A_file_can_hold_out_test_points_but_takes_no_noise()
    {
        var data = Write("corners.csv", SmallFile);
        var run = Path.Combine(_folder, "run");

        var split = CommandRun.Of("train", "--data", data, "--hidden", "3", "--epochs", "4", "--test", "0.4", "--out", run);
        var noisy = CommandRun.Of("train", "--data", data, "--noise", "0.1", "--out", Path.Combine(_folder, "noisy"));

        Assert.Equal(0, split.ExitCode);
        Assert.Equal("epoch,loss,correct,test_loss,test_correct", File.ReadAllLines(Path.Combine(run, "log.csv"))[0]);
        Assert.Contains("/3 correct in the last epoch", split.Output, StringComparison.Ordinal);
        Assert.Equal(MiniTorchCommand.UsageError, noisy.ExitCode);
        Assert.Equal(["--noise moves the points of a built-in dataset; your points from --data are trained as they are"], noisy.ErrorLines);
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

    [SkippableTheory]
    [InlineData("/dev/zero", "a character device")]
    [InlineData("/dev/null", "a character device")]
    public void A_device_is_refused_before_it_is_opened(string device, string kind)
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), $"{device} is a Unix device");

        var result = CommandRun.Of("train", "--data", device, "--out", Path.Combine(_folder, "run"));

        Assert.Equal(MiniTorchCommand.UsageError, result.ExitCode);
        Assert.Equal([$"cannot read --data '{device}': it is {kind}, not a regular file"], result.ErrorLines);
    }

    [SkippableFact]
    public void A_named_pipe_is_refused_at_once_rather_than_waited_on()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "named pipes are made with mkfifo");
        var fifo = Path.Combine(_folder, "points.csv");
        Assert.Equal(0, MakeFifo(fifo, Convert.ToInt32("600", 8)));

        // A process, so that a wait on the pipe (no writer ever comes) would show as a hang rather than block the tests.
        using var child = CliProcess.Start("train", "--data", fifo, "--out", Path.Combine(_folder, "run"));
        var (exitCode, _, error) = child.WaitForExit();

        Assert.Equal(MiniTorchCommand.UsageError, exitCode);
        Assert.Equal($"cannot read --data '{fifo}': it is a named pipe (FIFO), not a regular file\n", error);
    }

    [Fact]
    public void A_folder_is_refused()
    {
        var result = CommandRun.Of("train", "--data", _folder, "--out", Path.Combine(_folder, "run"));

        Assert.Equal([$"cannot read --data '{_folder}': it is a directory, not a regular file"], result.ErrorLines);
    }

    [Fact]
    public void A_file_over_1_MiB_is_refused_without_reading_it_all()
    {
        var data = Write("big.csv", "x1,x2,label\n" + string.Concat(Enumerable.Repeat("0.5,0.5,1\n", 110_000)));

        var result = CommandRun.Of("train", "--data", data, "--out", Path.Combine(_folder, "run"));

        Assert.Equal(MiniTorchCommand.UsageError, result.ExitCode);
        Assert.Equal([$"cannot read --data '{data}': it is larger than 1048576 bytes, the most a points file may hold (1000 points take a few dozen KB)"], result.ErrorLines);
    }

    [Fact]
    public void A_line_over_1000_characters_is_refused_naming_the_line()
    {
        var data = Write("long.csv", "0.5,0.5,1\n0.25," + new string('0', 2000) + ",1\n");

        var result = CommandRun.Of("train", "--data", data, "--out", Path.Combine(_folder, "run"));

        Assert.Equal([$"--data {data}, line 2: is longer than 1000 characters; a line holds one point, x1,x2,label"], result.ErrorLines);
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_refused_naming_the_byte()
    {
        var data = Path.Combine(_folder, "latin1.csv");
        File.WriteAllBytes(data, [.. "0.5,0.5,1\n"u8, 0xE9, .. ",0.5,1\n"u8]);

        var result = CommandRun.Of("train", "--data", data, "--out", Path.Combine(_folder, "run"));

        Assert.Equal([$"cannot read --data '{data}': it is not valid UTF-8 (byte offset 10); save it as UTF-8"], result.ErrorLines);
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

    private static int MakeFifo(string path, int mode) => MakeFifo(System.Text.Encoding.UTF8.GetBytes(path + "\0"), mode);

    // The path as NUL-terminated UTF-8 bytes, as the C function takes it.
    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo(byte[] path, int mode);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
