using MiniTorch.Cli;

namespace MiniTorch.Tests.Cli;

/// <summary>One in-process run of the <c>minitorch</c> command: its exit code and what it wrote.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Output">Everything written to standard output.</param>
/// <param name="Error">Everything written to standard error.</param>
public sealed record CommandRun(int ExitCode, string Output, string Error)
{
    /// <summary>Runs <c>minitorch</c> with <paramref name="args"/> through <see cref="MiniTorchCommand.Run"/>.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <returns>The run.</returns>
    public static CommandRun Of(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = MiniTorchCommand.Run(args, output, error);
        return new CommandRun(exitCode, output.ToString(), error.ToString());
    }
}
