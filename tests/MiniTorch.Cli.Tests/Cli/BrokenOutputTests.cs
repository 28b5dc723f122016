using MiniTorch.Cli;

using MiniTorch.Runs;

namespace MiniTorch.Tests.Cli;

/// <summary>
/// A standard output or error that cannot be written (a full device, a pipe whose reader has gone) ends any command
/// with exit code 74 and one line on standard error (when that can be written), never a stack trace or an aborted
/// runtime; training still writes its files.
/// </summary>
[Trait("Task", "1.5")]
public sealed class BrokenOutputTests : IDisposable
{
    private const string NoDevFull = "/dev/full exists on Linux only";

    private readonly string _folder = Directory.CreateTempSubdirectory("minitorch-output-").FullName;

    // Shell commands that leave descriptor 4 the writing end of a pipe whose reading end is already closed, as after
    // `minitorch … | head -1` once head has read its line: opened on a named pipe with a reader on 3, which is then
    // closed. Any write to 4 then fails with EPIPE, whenever it comes, so the test does not depend on timing.
    private string PipeWithoutReader => $"mkfifo '{_folder}/pipe' && exec 3<>'{_folder}/pipe' 4>'{_folder}/pipe' 3<&- &&";

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [SkippableFact]
    public void Train_into_a_full_standard_output_still_writes_every_file_and_exits_74()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), NoDevFull);
        var run = Path.Combine(_folder, "run");
        using var child = CliProcess.Shell($"exec dotnet \"$0\" train --points 10 --hidden 2 --epochs 30 --out '{run}' > /dev/full");

        var (exitCode, _, error) = child.WaitForExit();

        Assert.Equal(MiniTorchCommand.OutputBroken, exitCode);
        Assert.Equal("cannot write to standard output: No space left on device\n", error);
        Assert.Equal(31, File.ReadAllLines(Path.Combine(run, "log.csv")).Length);
        Assert.Null(ModelFile.Load(Path.Combine(run, "model.json")).CompletedEpochs);
        Assert.True(File.Exists(Path.Combine(run, "boundary.png")));
    }

    [SkippableTheory]
    [InlineData("grad 'x * y' --at x=2 --at y=3")]
    [InlineData("bench --epochs 1 --repeat 1")]
    [InlineData("--help")]
    public void A_full_standard_output_exits_74_with_one_line_and_no_stack_trace(string command)
    {
        Skip.IfNot(OperatingSystem.IsLinux(), NoDevFull);
        using var child = CliProcess.Shell($"exec dotnet \"$0\" {command} > /dev/full");

        var (exitCode, _, error) = child.WaitForExit();

        Assert.Equal(MiniTorchCommand.OutputBroken, exitCode);
        Assert.Equal("cannot write to standard output: No space left on device\n", error);
    }

    [SkippableTheory]
    [InlineData("grad 'x *'", MiniTorchCommand.OutputBroken)]
    [InlineData("grad --no-such-option", MiniTorchCommand.OutputBroken)]
    [InlineData("grad 'x * y' --at x=2 --at y=3", 0)]
    public void A_full_standard_error_neither_aborts_nor_changes_a_success(string command, int expected)
    {
        Skip.IfNot(OperatingSystem.IsLinux(), NoDevFull);
        using var child = CliProcess.Shell($"exec dotnet \"$0\" {command} 2> /dev/full");

        var (exitCode, _, _) = child.WaitForExit();

        Assert.Equal(expected, exitCode);
    }

    [SkippableTheory]
    [InlineData("grad 'x * y' --at x=2 --at y=3")]
    [InlineData("grad --help")]
    public void A_pipe_whose_reader_has_gone_exits_74_like_any_failed_write(string command)
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "made with a named pipe and /bin/sh");

        using var child = CliProcess.Shell($"{PipeWithoutReader} exec dotnet \"$0\" {command} >&4");
        var (exitCode, _, error) = child.WaitForExit();

        Assert.Equal(MiniTorchCommand.OutputBroken, exitCode);
        Assert.Equal("cannot write to standard output: Broken pipe\n", error);
    }

    [SkippableFact]
    public void Train_into_a_pipe_whose_reader_has_gone_still_writes_every_file_and_exits_74()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "made with a named pipe and /bin/sh");
        var run = Path.Combine(_folder, "run");

        using var child = CliProcess.Shell($"{PipeWithoutReader} exec dotnet \"$0\" train --points 10 --hidden 2 --epochs 30 --out '{run}' >&4");
        var (exitCode, _, error) = child.WaitForExit();

        Assert.Equal(MiniTorchCommand.OutputBroken, exitCode);
        Assert.Equal("cannot write to standard output: Broken pipe\n", error);
        Assert.Equal(31, File.ReadAllLines(Path.Combine(run, "log.csv")).Length);
        Assert.True(File.Exists(Path.Combine(run, "boundary.png")));
    }

    [Fact]
    public void Writers_that_throw_give_74_in_process_without_an_exception_escaping()
    {
        using var broken = new BrokenWriter();

        Assert.Equal(MiniTorchCommand.OutputBroken, MiniTorchCommand.Run(["grad", "x * y", "--at", "x=2", "--at", "y=3"], broken, broken));
        Assert.Equal(MiniTorchCommand.OutputBroken, MiniTorchCommand.Run(["grad", "x *"], TextWriter.Null, broken));
    }

    [Fact]
    public void Training_goes_on_when_its_progress_cannot_be_printed()
    {
        using var broken = new BrokenWriter();
        using var error = new StringWriter();
        var run = Path.Combine(_folder, "run");

        var exitCode = MiniTorchCommand.Run(["train", "--points", "8", "--hidden", "2", "--epochs", "25", "--out", run], broken, error);

        Assert.Equal(MiniTorchCommand.OutputBroken, exitCode);
        Assert.Equal(26, File.ReadAllLines(Path.Combine(run, "log.csv")).Length);
        Assert.True(File.Exists(Path.Combine(run, "model.json")));
        Assert.StartsWith("cannot write to standard output: ", error.ToString(), StringComparison.Ordinal);
    }

    private sealed class BrokenWriter : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => throw new IOException("No space left on device");

        public override void Write(string? value) => throw new IOException("No space left on device");
    }
}
