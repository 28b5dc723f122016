using System.Globalization;

namespace MiniTorch.Cli.Commands;

/// <summary>
/// The training engines <c>--engine</c> can choose: <c>graph</c> (<see cref="ScalarEngine"/>), <c>tape</c>
/// (<see cref="TapeEngine"/>, or <see cref="ParallelTapeEngine"/> with <c>--threads</c> above 1) and <c>compiled</c>
/// (the same tape engines with <see cref="TapeReplay.Compiled"/>, and in-place parameter updates).
/// </summary>
/// <remarks>
/// All give the same numbers bit for bit. The tape is the default: compiling costs some milliseconds per run, which a
/// run of the recommended 500 epochs only just wins back (docs/performance.md). <c>--threads</c> above 1 with
/// the graph engine is refused rather than ignored: the graph engine has no threaded form (its points' graphs share
/// the parameter scalars, whose derivatives every backward pass adds to), and a silently ignored option would mislead.
/// </remarks>
internal static class TrainingEngines
{
    /// <summary>The reference engine: a Scalar graph per point.</summary>
    public const string Graph = "graph";

    /// <summary>The recorded tape, replayed per point.</summary>
    public const string Tape = "tape";

    /// <summary>The recorded tape compiled to straight-line code, with in-place parameter updates.</summary>
    public const string Compiled = "compiled";

    /// <summary>The <c>--engine</c> option's description, for every command that has it.</summary>
    public const string Description =
        "How gradients are computed: tape (a recorded tape, replayed per point), compiled (that tape compiled to straight-line code) or graph (a Scalar graph per point); same numbers.";

    /// <summary>The engine used when <c>--engine</c> is not given.</summary>
    public const string Default = Tape;

    /// <summary>Checks an engine name and a thread count (already in range, see <see cref="OptionChecks.Threads"/>) together.</summary>
    /// <param name="name">The name given, any case.</param>
    /// <param name="threads">The value of <c>--threads</c>.</param>
    /// <returns><see cref="Graph"/>, <see cref="Tape"/> or <see cref="Compiled"/>.</returns>
    /// <exception cref="UsageException">The name is none of them, or it is the graph engine with more than one thread.</exception>
    public static string Check(string name, int threads)
    {
        var engine = Array.Find([Graph, Tape, Compiled], known => string.Equals(name, known, StringComparison.OrdinalIgnoreCase))
            ?? throw new UsageException($"unknown engine '{name}'; valid engines: {Graph}, {Tape}, {Compiled}");
        return engine == Graph && threads > 1
            ? throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--threads {threads} needs --engine {Tape} or {Compiled}; the graph engine runs on one thread"))
            : engine;
    }

    /// <summary>
    /// Creates a fresh engine for one training run (a tape engine keeps the tapes of its model); dispose it afterwards
    /// if it is <see cref="IDisposable"/> (the threaded tape engine owns threads).
    /// </summary>
    /// <param name="name">A name returned by <see cref="Check"/>.</param>
    /// <param name="threads">The threads of the tape engine, 1 to 64: 1 gives <see cref="TapeEngine"/>, more <see cref="ParallelTapeEngine"/>.</param>
    /// <returns>The engine.</returns>
    public static ITrainingEngine Create(string name, int threads)
    {
        var replay = name == Compiled ? TapeReplay.Compiled : TapeReplay.Interpreted;
        return name == Graph ? new ScalarEngine()
            : threads == 1 ? new TapeEngine(replay)
            : new ParallelTapeEngine(threads, replay);
    }

    /// <summary>
    /// How the trainer of an engine updates the parameters: in place for <see cref="Compiled"/>, so that its epochs
    /// allocate nothing; MiniTorch's new leaves for the others, as before. The values are the same bits either way.
    /// </summary>
    /// <param name="name">A name returned by <see cref="Check"/>.</param>
    /// <returns>The update.</returns>
    public static ParameterUpdate Update(string name) => name == Compiled ? ParameterUpdate.InPlace : ParameterUpdate.NewLeaf;
}
