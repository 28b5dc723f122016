namespace MiniTorch.Cli.Commands;

/// <summary>
/// One training run that <c>minitorch bench</c> times: epochs of the Task 1.5 loop (clear the gradients, one pass over
/// the data, one SGD step), in one of the three implementations.
/// </summary>
internal abstract class BenchRun : IDisposable
{
    /// <summary>Clears the gradients and runs one pass over the data, leaving the gradients for <see cref="Step"/>.</summary>
    /// <returns>The epoch's total loss and correct count.</returns>
    public abstract EpochTotals RunEpoch();

    /// <summary>The SGD step with the gradients of the latest <see cref="RunEpoch"/>.</summary>
    public abstract void Step();

    /// <summary>The current parameters, in <see cref="Module.Parameters"/> order.</summary>
    /// <returns>A copy of the values.</returns>
    public abstract double[] Parameters();

    /// <summary>Stops what the run owns: the threads of a threaded engine.</summary>
    public abstract void Dispose();

    /// <summary>How long the run spent compiling tapes so far, and how many steps they hold (zero unless the engine compiles).</summary>
    /// <returns>The time and the steps.</returns>
    public virtual (TimeSpan Time, int Steps) Compilation() => (TimeSpan.Zero, 0);

    /// <summary>
    /// A run of <see cref="Trainer"/>'s loop with an engine: <see cref="Sgd.ZeroGrad"/>, the engine's epoch,
    /// <see cref="Sgd.Step"/>.
    /// </summary>
    /// <param name="network">The network, fresh from the workload's settings.</param>
    /// <param name="data">The training data.</param>
    /// <param name="learningRate">η.</param>
    /// <param name="engine">The engine.</param>
    public sealed class OfEngine(Network network, Dataset data, double learningRate, ITrainingEngine engine) : BenchRun
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

        /// <inheritdoc/>
        public override (TimeSpan Time, int Steps) Compilation() =>
            engine is TapeEngine tape ? (tape.CompileTime, tape.CompiledSteps) : base.Compilation();
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
