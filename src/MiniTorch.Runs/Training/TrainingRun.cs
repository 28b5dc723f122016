namespace MiniTorch.Runs;

/// <summary>
/// One training run of a <see cref="TrainingPlan"/>, as the command and the sandbox drive it: the network, the engine
/// and the library's <see cref="Trainer"/>, and the report of every epoch so far.
/// </summary>
/// <remarks>
/// <para>
/// Every epoch is <see cref="Trainer.TrainEpoch"/>, whether the epochs run all at once (<see cref="Train"/>, the command)
/// or one at a time (<see cref="TrainEpoch"/>, the sandbox's play, pause and step), so the numbers are the same bits
/// either way. Not thread-safe: one epoch at a time, and read the network only between epochs.
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
    private readonly ITrainingEngine _engine;
    private readonly Trainer _trainer;
    private readonly List<EpochReport> _epochs = [];
    private readonly CancellationToken _stop;

    /// <summary>Creates the network and the engine of <paramref name="plan"/>; no epoch runs yet.</summary>
    /// <param name="plan">What to train.</param>
    /// <param name="stop">Ends the run early, within the epoch under way (see the remarks); none when absent.</param>
    public TrainingRun(TrainingPlan plan, CancellationToken stop = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Plan = plan;
        Network = plan.CreateNetwork();
        _stop = stop;
        _engine = TrainingEngines.Create(plan.Engine, plan.Threads);
        _trainer = new Trainer(stop.CanBeCanceled ? new StoppableModel(Network, stop) : Network, plan.Data, plan.LearningRate, _engine);
    }

    /// <summary>What is trained.</summary>
    public TrainingPlan Plan { get; }

    /// <summary>The network, whose parameters change with every epoch.</summary>
    public Network Network { get; }

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
        var report = _trainer.TrainEpoch(beforeStep);
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

    /// <summary>Stops the engine's threads, if it has any.</summary>
    public void Dispose() => (_engine as IDisposable)?.Dispose();
}
