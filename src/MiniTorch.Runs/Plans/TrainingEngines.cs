namespace MiniTorch.Runs;

/// <summary>
/// The training engines a run can use, by name (<c>minitorch train --engine</c>, the sandbox's engine): <c>graph</c> (<see cref="ScalarEngine"/>), <c>tape</c>
/// (<see cref="TapeEngine"/>, or <see cref="ParallelTapeEngine"/> with <c>--threads</c> above 1) and <c>compiled</c>
/// (the same tape engines with <see cref="TapeReplay.Compiled"/>).
/// </summary>
/// <remarks>
/// All give the same numbers bit for bit. The tape is the default: compiling costs some milliseconds per run, which a
/// run of the recommended 500 epochs only just wins back (docs/performance.md). The graph engine has no threaded
/// form: its points' graphs share the parameter scalars, whose derivatives every backward pass adds to.
/// </remarks>
public static class TrainingEngines
{
    /// <summary>The reference engine: a Scalar graph per point.</summary>
    public const string Graph = "graph";

    /// <summary>The recorded tape, replayed per point.</summary>
    public const string Tape = "tape";

    /// <summary>The recorded tape compiled to straight-line code.</summary>
    public const string Compiled = "compiled";

    /// <summary>The engine used when none is chosen.</summary>
    public const string Default = Tape;

    /// <summary>Every engine's name, the reference engine first.</summary>
    public static IReadOnlyList<string> Names { get; } = [Graph, Tape, Compiled];

    /// <summary>
    /// Creates a fresh engine for one training run (a tape engine keeps the tapes of its model); dispose it afterwards
    /// if it is <see cref="IDisposable"/> (the threaded tape engine owns threads).
    /// </summary>
    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <param name="threads">The threads of the tape engine, 1 to 64: 1 gives <see cref="TapeEngine"/>, more <see cref="ParallelTapeEngine"/>.</param>
    /// <returns>The engine.</returns>
    public static ITrainingEngine Create(string name, int threads)
    {
        var replay = name == Compiled ? TapeReplay.Compiled : TapeReplay.Interpreted;
        return name == Graph ? new ScalarEngine()
            : threads == 1 ? new TapeEngine(replay)
            : new ParallelTapeEngine(threads, replay);
    }
}
