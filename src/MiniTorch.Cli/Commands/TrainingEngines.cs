using System.Globalization;

namespace MiniTorch.Cli.Commands;

/// <summary>
/// The training engines <c>--engine</c> can choose: <c>graph</c> (<see cref="ScalarEngine"/>) and <c>tape</c>
/// (<see cref="TapeEngine"/>, or <see cref="ParallelTapeEngine"/> with <c>--threads</c> above 1).
/// </summary>
/// <remarks>
/// All give the same numbers bit for bit; the tape is the default because it is faster. <c>--threads</c> above 1 with
/// the graph engine is refused rather than ignored: the graph engine has no threaded form (its points' graphs share
/// the parameter scalars, whose derivatives every backward pass adds to), and a silently ignored option would mislead.
/// </remarks>
internal static class TrainingEngines
{
    /// <summary>The reference engine: a Scalar graph per point.</summary>
    public const string Graph = "graph";

    /// <summary>The recorded tape, replayed per point.</summary>
    public const string Tape = "tape";

    /// <summary>The engine used when <c>--engine</c> is not given.</summary>
    public const string Default = Tape;

    /// <summary>Checks an engine name and a thread count (already in range, see <see cref="OptionChecks.Threads"/>) together.</summary>
    /// <param name="name">The name given, any case.</param>
    /// <param name="threads">The value of <c>--threads</c>.</param>
    /// <returns><see cref="Graph"/> or <see cref="Tape"/>.</returns>
    /// <exception cref="UsageException">The name is neither, or it is the graph engine with more than one thread.</exception>
    public static string Check(string name, int threads)
    {
        var engine = string.Equals(name, Graph, StringComparison.OrdinalIgnoreCase) ? Graph
            : string.Equals(name, Tape, StringComparison.OrdinalIgnoreCase) ? Tape
            : throw new UsageException($"unknown engine '{name}'; valid engines: {Graph}, {Tape}");
        return engine == Graph && threads > 1
            ? throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--threads {threads} needs --engine tape; the graph engine runs on one thread"))
            : engine;
    }

    /// <summary>
    /// Creates a fresh engine for one training run (a tape engine keeps the tapes of its model); dispose it afterwards
    /// if it is <see cref="IDisposable"/> (the threaded tape engine owns threads).
    /// </summary>
    /// <param name="name">A name returned by <see cref="Check"/>.</param>
    /// <param name="threads">The threads of the tape engine, 1 to 64: 1 gives <see cref="TapeEngine"/>, more <see cref="ParallelTapeEngine"/>.</param>
    /// <returns>The engine.</returns>
    public static ITrainingEngine Create(string name, int threads) =>
        name == Graph ? new ScalarEngine()
        : threads == 1 ? new TapeEngine()
        : new ParallelTapeEngine(threads);
}
