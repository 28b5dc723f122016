using MiniTorch.Cli.Commands;
using MiniTorch.Expressions;

namespace MiniTorch.Cli;

/// <summary>
/// What the commands take from the machine they run on, in one place so that tests can stand in for it: how
/// <c>graph</c> finds Graphviz's <c>dot</c>, how long <c>bench</c> warms up and times, and where <c>--file -</c> reads.
/// </summary>
/// <param name="FindDot">Finds Graphviz's <c>dot</c>: its path, or <see langword="null"/> when it is not installed.</param>
/// <param name="BenchTiming">The warm-up and sample lengths of <c>bench</c>.</param>
/// <param name="OpenStandardInput">Opens standard input, as bytes.</param>
internal sealed record CommandEnvironment(Func<string?> FindDot, BenchTiming BenchTiming, Func<Stream> OpenStandardInput)
{
    /// <summary>The real machine: <c>dot</c> from the PATH, <see cref="BenchTiming.Standard"/>, the process's standard input.</summary>
    public static CommandEnvironment Default { get; } = new(Graphviz.FindDot, BenchTiming.Standard, Console.OpenStandardInput);
}
