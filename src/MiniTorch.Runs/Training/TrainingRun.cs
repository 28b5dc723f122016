namespace MiniTorch.Runs;

/// <summary>
/// One training run of a <see cref="TrainingPlan"/>, as the command and the sandbox drive it: the network, the engine
/// and the library's <see cref="Trainer"/>, and the report of every epoch so far.
/// </summary>
/// <remarks>
/// <para>
/// Every epoch is <see cref="Trainer.TrainEpoch"/>, or the same epoch run by an engine that has its own loop
/// (<see cref="IOwnLoop"/>), whether the epochs run all at once (<see cref="Train"/>, the command) or one at a time
/// (<see cref="TrainEpoch"/>, the sandbox's play, pause and step), so the numbers are the same bits either way. Not
/// thread-safe: one epoch at a time, and read the network only between epochs or in the hook before a step.
/// </para>
/// <para>
/// A run made with a stop token ends early once it is cancelled: the graph engine's epoch under way ends at its next
/// point (through <see cref="StoppableModel"/>), a tape engine's at its end, and no other epoch starts. An epoch cut
/// short takes no step and adds no report, so the network and <see cref="Epochs"/> stay as the last whole epoch left
/// them.
/// </para>
/// </remarks>
public sealed class TrainingRun : IDisposable
{
    private readonly Network _network;
    private readonly ITrainingEngine _engine;
    private readonly Trainer _trainer;
    private readonly IOwnLoop? _loop;
    private readonly List<EpochReport> _epochs = [];
    private readonly CancellationToken _stop;

    /// <summary>Creates the network and the engine of <paramref name="plan"/>; no epoch runs yet.</summary>
    /// <param name="plan">What to train.</param>
    /// <param name="stop">Ends the run early, within the epoch under way (see the remarks); none when absent.</param>
    public TrainingRun(TrainingPlan plan, CancellationToken stop = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Plan = plan;
        _network = plan.CreateNetwork();
        _stop = stop;
        _engine = TrainingEngines.Create(plan.Engine, plan.Threads);
        _trainer = new Trainer(stop.CanBeCanceled ? new StoppableModel(_network, stop) : _network, plan.Data, plan.LearningRate, _engine);
        _loop = _engine as IOwnLoop;
    }

    /// <summary>
    /// An engine that runs <see cref="Trainer"/>'s epochs itself, step included: the tape engines keep the parameters
    /// in arrays and write them into the network only when it is read. <see cref="TrainingEngines.Create"/> returns one
    /// where it can.
    /// </summary>
    public interface IOwnLoop
    {
        /// <summary>Runs the next epoch of <paramref name="trainer"/>: the report and parameters <see cref="Trainer.TrainEpoch"/> would give, bit for bit.</summary>
        /// <param name="trainer">The run's trainer: its model, data and learning rate (the engine takes them at the first epoch).</param>
        /// <param name="beforeStep">Receives the report before the step.</param>
        /// <returns>The report.</returns>
        EpochReport TrainEpoch(Trainer trainer, IProgress<EpochReport>? beforeStep);

        /// <summary>Writes the current parameters into the trainer's model, with their gradients when called before the step.</summary>
        void UpdateModel();
    }

    /// <summary>What is trained.</summary>
    public TrainingPlan Plan { get; }

    /// <summary>
    /// The network, whose parameters change with every epoch; an engine with its own loop writes them into it when it
    /// is read (in the hook before a step, with their gradients).
    /// </summary>
    public Network Network
    {
        get
        {
            _loop?.UpdateModel();
            return _network;
        }
    }

    /// <summary>The training points.</summary>
    public Dataset Data => Plan.Data;

    /// <summary>The report of every epoch run so far, in order.</summary>
    public IReadOnlyList<EpochReport> Epochs => _epochs;

    /// <summary>True when the last epoch's total loss was NaN or infinite: training cannot go on.</summary>
    public bool Diverged => _epochs.Count > 0 && !double.IsFinite(_epochs[^1].TotalLoss);

    /// <summary>True when every planned epoch has run, or training diverged.</summary>
    public bool IsFinished => _epochs.Count >= Plan.Epochs || Diverged;

    /// <summary>Runs one more epoch.</summary>
    /// <param name="beforeStep">Receives the epoch's report before its step, while the gradients are on the parameters.</param>
    /// <returns>The epoch's report.</returns>
    /// <exception cref="InvalidOperationException">The run is finished.</exception>
    /// <exception cref="OperationCanceledException">The run's stop token was cancelled, before or during the epoch.</exception>
    public EpochReport TrainEpoch(IProgress<EpochReport>? beforeStep = null)
    {
        if (IsFinished)
        {
            throw new InvalidOperationException(Diverged ? "The run diverged: no epoch can follow." : "Every planned epoch has run.");
        }

        _stop.ThrowIfCancellationRequested();
        var report = _loop is null ? _trainer.TrainEpoch(beforeStep) : _loop.TrainEpoch(_trainer, beforeStep);
        _epochs.Add(report);
        return report;
    }

    /// <summary>Runs the epochs left, until the run is finished or <paramref name="cancellationToken"/> stops it.</summary>
    /// <param name="progress">Receives every epoch's report before its step.</param>
    /// <param name="cancellationToken">Checked before each epoch.</param>
    /// <exception cref="OperationCanceledException">Cancellation was requested; the epochs done are kept.</exception>
    public void Train(IProgress<EpochReport>? progress = null, CancellationToken cancellationToken = default)
    {
        while (!IsFinished)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TrainEpoch(progress);
        }
    }

    /// <summary>Stops the engine's threads, if it has any (worker threads, or a compilation still running).</summary>
    public void Dispose() => (_engine as IDisposable)?.Dispose();
}
