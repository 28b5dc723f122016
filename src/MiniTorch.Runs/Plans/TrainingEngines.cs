namespace MiniTorch.Runs;

/// <summary>
/// The training engines a run can use, by name (<c>minitorch train --engine</c>, the sandbox's engine): <c>graph</c>
/// (<see cref="ScalarEngine"/>), <c>tape</c> (<see cref="TapeEngine"/>, or <see cref="ParallelTapeEngine"/> with
/// <c>--threads</c> above 1), <c>compiled</c> (the tape compiled in the first epoch) and <c>auto</c>, the default (the
/// tape interpreted at once and compiled on another thread, switching between epochs).
/// </summary>
/// <remarks>
/// All give the same numbers bit for bit. On one thread <c>compiled</c> and <c>auto</c> run their own loop
/// (<see cref="TapeTrainer"/>, through <see cref="TrainingRun.IOwnLoop"/>), whose step allocates nothing; with
/// <c>--threads</c> above 1 they are <see cref="ParallelTapeEngine"/>, compiled or interpreted. The graph engine has no
/// threaded form: its points' graphs share the parameter scalars, whose derivatives every backward pass adds to.
/// </remarks>
public static class TrainingEngines
{
    /// <summary>The reference engine: a Scalar graph per point.</summary>
    public const string Graph = "graph";

    /// <summary>The recorded tape, replayed per point.</summary>
    public const string Tape = "tape";

    /// <summary>The recorded tape compiled in the first epoch, several points per replay.</summary>
    public const string Compiled = "compiled";

    /// <summary>The recorded tape, interpreted until its compiled code is ready (tiered compilation).</summary>
    public const string Auto = "auto";

    /// <summary>The engine used when none is chosen: never slower than the tape, as fast as compiled on long runs.</summary>
    public const string Default = Auto;

    /// <summary>Every engine's name, the reference engine first.</summary>
    public static IReadOnlyList<string> Names { get; } = [Graph, Tape, Compiled, Auto];

    /// <summary>
    /// Creates a fresh engine for one training run (a tape engine keeps the tapes of its model); dispose it afterwards
    /// if it is <see cref="IDisposable"/> (threads, or a compilation still running).
    /// </summary>
    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <param name="threads">The threads of the tape engine, 1 to 64: 1 gives <see cref="TapeEngine"/>, more <see cref="ParallelTapeEngine"/>.</param>
    /// <returns>The engine.</returns>
    public static ITrainingEngine Create(string name, int threads) => name switch
    {
        Graph => new ScalarEngine(),
        _ when threads > 1 => new ParallelTapeEngine(threads, name == Compiled ? TapeReplay.Compiled : TapeReplay.Interpreted),
        Tape => new TapeEngine(),
        _ => new OwnLoop(new TapeEngine(name == Compiled ? TapeReplay.Compiled : TapeReplay.Tiered)),
    };

    /// <summary>
    /// A tape engine with its own loop: through <see cref="Trainer"/> an engine like any other, and for a
    /// <see cref="TrainingRun"/> the <see cref="TapeTrainer"/> of the run's trainer.
    /// </summary>
    private sealed class OwnLoop(TapeEngine engine) : ITrainingEngine, TrainingRun.IOwnLoop, IDisposable
    {
        private TapeTrainer? _trainer;

        public EpochTotals RunEpoch(Module<Scalar[], Scalar> model, Dataset data) => engine.RunEpoch(model, data);

        public EpochReport TrainEpoch(Trainer trainer, IProgress<EpochReport>? beforeStep) =>
            (_trainer ??= new TapeTrainer(trainer.Model, trainer.Data, trainer.Optimizer.LearningRate, engine)).TrainEpoch(beforeStep);

        public void UpdateModel() => _trainer?.UpdateModel();

        public void CopyGradients(double?[] gradients) => _trainer!.CopyGradients(gradients);

        public void Dispose() => engine.Dispose();
    }
}
