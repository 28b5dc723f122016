using MiniTorch.Cli;

namespace MiniTorch.Tests.Cli;

/// <summary>Runs the minitorch command in-process and captures what it wrote.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Output">Everything written to standard output.</param>
/// <param name="Error">Everything written to standard error.</param>
internal sealed record CommandRun(int ExitCode, string Output, string Error)
{
    /// <summary>Standard error's lines, without the empty last one.</summary>
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Runs <c>minitorch</c> with <paramref name="args"/>.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The captured run.</returns>
    public static CommandRun Of(params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var exitCode = MiniTorchCommand.Run(args, output, error);
        return new CommandRun(exitCode, output.ToString(), error.ToString());
    }
}
