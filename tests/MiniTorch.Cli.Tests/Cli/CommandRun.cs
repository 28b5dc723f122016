using MiniTorch.Cli;

namespace MiniTorch.Tests.Cli;

/// <summary>Runs the minitorch command in-process and captures what it wrote.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Output">Everything written to standard output.</param>
/// <param name="Error">Everything written to standard error.</param>
internal sealed record CommandRun(int ExitCode, string Output, string Error)
{
    /// <summary>
    /// The machine as the quick tests see it: <c>dot</c> from the PATH, and a bench that warms each engine up for one
    /// round and times one run per sample, so that its tests check the shape of what it prints in a fraction of a second.
    /// </summary>
    public static CommandEnvironment Quick { get; } = CommandEnvironment.Default with
    {
        BenchTiming = new(MinSampleTime: TimeSpan.Zero, MinWarmUp: TimeSpan.Zero, MaxWarmUp: TimeSpan.Zero),
    };

    /// <summary>Standard error's lines, without the empty last one.</summary>
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Runs <c>minitorch</c> with <paramref name="args"/> on the real machine (<see cref="CommandEnvironment.Default"/>).</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The captured run.</returns>
    public static CommandRun Of(params string[] args) => In(CommandEnvironment.Default, args);

    /// <summary>Runs <c>minitorch</c> with <paramref name="args"/> in <paramref name="environment"/>.</summary>
    /// <param name="environment">What the commands take from the machine: <see cref="Quick"/>, or a missing <c>dot</c>.</param>
    /// <param name="args">The arguments.</param>
    /// <returns>The captured run.</returns>
    public static CommandRun In(CommandEnvironment environment, params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var exitCode = MiniTorchCommand.Run(MiniTorchCommand.Create(environment), args, output, error);
        return new CommandRun(exitCode, output.ToString(), error.ToString());
    }
}
