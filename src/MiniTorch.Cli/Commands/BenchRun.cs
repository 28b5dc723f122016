namespace MiniTorch.Cli.Commands;

/// <summary>
/// One training run that <c>minitorch bench</c> times: epochs of the Task 1.5 loop (clear the gradients, one pass over
/// the data, one SGD step), by the hand-written baseline, by <see cref="Trainer"/>'s loop with an engine, or by the tape
/// engine's own loop.
/// </summary>
internal abstract class BenchRun : IDisposable
{
    /// <summary>Clears the gradients and runs one pass over the data, leaving the gradients for <see cref="Step"/> (or, in the tape engine's own loop, stepping too).</summary>
    /// <returns>The epoch's total loss and correct count.</returns>
    public abstract EpochTotals RunEpoch();

    /// <summary>The SGD step with the gradients of the latest <see cref="RunEpoch"/> (nothing where the epoch stepped).</summary>
    public abstract void Step();

    /// <summary>The current parameters, in <see cref="Module.Parameters"/> order.</summary>
    /// <returns>A copy of the values.</returns>
    public abstract double[] Parameters();

    /// <summary>Stops what the run owns: the threads of a threaded engine, a compilation still running.</summary>
    public abstract void Dispose();

    /// <summary>What the run has compiled so far (nothing unless the engine compiles).</summary>
    /// <returns>The compilation's figures.</returns>
    public virtual BenchCompilation Compilation() => BenchCompilation.None;

    /// <summary>
    /// A run of <see cref="Trainer"/>'s loop with an engine: <see cref="Sgd.ZeroGrad"/>, the engine's epoch,
    /// <see cref="Sgd.Step"/>.
    /// </summary>
    /// <param name="network">The network, fresh from the workload's settings.</param>
    /// <param name="data">The training data.</param>
    /// <param name="learningRate">η.</param>
    /// <param name="engine">The engine.</param>
    public sealed class OfEngine(Module<Scalar[], Scalar> network, Dataset data, double learningRate, ITrainingEngine engine) : BenchRun
    {
        private readonly Sgd _sgd = new(network.Parameters(), learningRate);

        /// <inheritdoc/>
        public override EpochTotals RunEpoch()
        {
            _sgd.ZeroGrad();
            return engine.RunEpoch(network, data);
        }

        /// <inheritdoc/>
        public override void Step() => _sgd.Step();

        /// <inheritdoc/>
        public override double[] Parameters() => [.. _sgd.Parameters.Select(p => p.Value.Data)];

        /// <inheritdoc/>
        public override void Dispose() => (engine as IDisposable)?.Dispose();
    }

    /// <summary>A run of the tape engine's own loop (<see cref="TapeTrainer"/>), whose epoch includes its step, on arrays.</summary>
    /// <param name="network">The network, fresh from the workload's settings.</param>
    /// <param name="data">The training data.</param>
    /// <param name="learningRate">η.</param>
    /// <param name="engine">The tape engine, interpreted, compiled or tiered.</param>
    public sealed class OfTapeTrainer(Module<Scalar[], Scalar> network, Dataset data, double learningRate, TapeEngine engine) : BenchRun
    {
        private readonly TapeTrainer _trainer = new(network, data, learningRate, engine);

        /// <inheritdoc/>
        public override EpochTotals RunEpoch()
        {
            var report = _trainer.TrainEpoch();
            return new EpochTotals(report.TotalLoss, report.Correct);
        }

        /// <inheritdoc/>
        public override void Step()
        {
            // The epoch took its step.
        }

        /// <inheritdoc/>
        public override double[] Parameters()
        {
            _trainer.UpdateModel();
            return [.. network.Parameters().Select(p => p.Value.Data)];
        }

        /// <inheritdoc/>
        public override void Dispose() => engine.Dispose();

        /// <inheritdoc/>
        public override BenchCompilation Compilation() => new(
            engine.Replay == TapeReplay.Tiered ? TimeSpan.Zero : engine.CompileTime, engine.CompileTime, engine.CompiledSteps, engine.CompiledFromEpoch ?? 0);
    }

    /// <summary>A run of the hand-written baseline, <see cref="HandWrittenTrainer"/>.</summary>
    /// <param name="trainer">The trainer, started from the workload's initial weights.</param>
    public sealed class HandWritten(HandWrittenTrainer trainer) : BenchRun
    {
        /// <inheritdoc/>
        public override EpochTotals RunEpoch() => trainer.RunEpoch();

        /// <inheritdoc/>
        public override void Step() => trainer.Step();

        /// <inheritdoc/>
        public override double[] Parameters() => trainer.Network.Parameters.ToArray();

        /// <inheritdoc/>
        public override void Dispose()
        {
        }
    }
}

/// <summary>What a run compiled: the time its training thread spent compiling, the compiling's whole time (on another thread, when tiered), the steps, and the first epoch that ran compiled code.</summary>
/// <param name="OnTrainingThread">The time the training thread spent compiling (zero when tiered: another thread compiles).</param>
/// <param name="Time">How long compiling took, wherever it ran.</param>
/// <param name="Steps">The steps of the compiled code.</param>
/// <param name="FromEpoch">The first epoch that ran compiled code, 0 when none did.</param>
internal sealed record BenchCompilation(TimeSpan OnTrainingThread, TimeSpan Time, int Steps, int FromEpoch)
{
    /// <summary>Nothing compiled.</summary>
    public static BenchCompilation None { get; } = new(TimeSpan.Zero, TimeSpan.Zero, 0, 0);
}
