namespace MiniTorch.Runs;

/// <summary>
/// One training run of a <see cref="TrainingPlan"/>, as the command and the sandbox drive it: the network, the engines
/// and the library's <see cref="Trainer"/>s, one per batch, and the report of every epoch so far, with the test
/// points' totals when the plan holds some out.
/// </summary>
/// <remarks>
/// <para>
/// With MiniTorch's step (one batch, no L2) every epoch is <see cref="Trainer.TrainEpoch"/> itself; with batches, an
/// epoch is one <see cref="Trainer.TrainEpoch"/> per batch, in order, each followed by its step, and its report adds
/// the batches' losses and correct counts, starting from the first batch's (so that one batch gives its own bits).
/// L2 adds λ · w to each weight's derivative just before a step. The test points are measured with the parameters the
/// epoch's last batch was measured with, before its step. Each batch size has an engine of its own, so that a tape
/// engine keeps its tapes (recorded for a number of points) from epoch to epoch.
/// </para>
/// <para>
/// The epochs run all at once (<see cref="Train"/>, the command) or one at a time (<see cref="TrainEpoch"/>, the
/// sandbox's play, pause and step): the numbers are the same bits either way. Not thread-safe: one epoch at a time, and
/// read the network only between epochs.
/// </para>
/// </remarks>
public sealed class TrainingRun : IDisposable
{
    private readonly Dictionary<int, ITrainingEngine> _engines = [];
    private readonly Trainer[] _trainers;
    private readonly TimeSpan[] _trainerTimes;
    private readonly Parameter[] _weights;
    private readonly List<EpochReport> _epochs = [];
    private readonly List<EpochTotals> _tests = [];

    /// <summary>Creates the network, the batches and their engines of <paramref name="plan"/>; no epoch runs yet.</summary>
    /// <param name="plan">What to train.</param>
    public TrainingRun(TrainingPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Plan = plan;
        Network = plan.CreateNetwork();
        var batches = plan.Batches();
        _trainers = [.. batches.Select(batch => new Trainer(Network, batch, plan.LearningRate, EngineFor(batch.Count)))];
        _trainerTimes = new TimeSpan[_trainers.Length];
        _weights = plan.L2 == 0 ? [] : [.. Network.NamedParameters().Where(p => p.Key.Contains(".weight_", StringComparison.Ordinal)).Select(p => p.Value)];
    }

    /// <summary>What is trained.</summary>
    public TrainingPlan Plan { get; }

    /// <summary>The network, whose parameters change with every step.</summary>
    public Module<Scalar[], Scalar> Network { get; }

    /// <summary>The training points.</summary>
    public Dataset Data => Plan.Data;

    /// <summary>The report of every epoch run so far, in order.</summary>
    public IReadOnlyList<EpochReport> Epochs => _epochs;

    /// <summary>
    /// The test points' total loss and correct count at every epoch so far, in order (as <see cref="Epochs"/>); empty
    /// when the plan has no test points.
    /// </summary>
    public IReadOnlyList<EpochTotals> Tests => _tests;

    /// <summary>True when the last epoch's total loss was NaN or infinite: training cannot go on.</summary>
    public bool Diverged => _epochs.Count > 0 && !double.IsFinite(_epochs[^1].TotalLoss);

    /// <summary>True when every planned epoch has run, or training diverged.</summary>
    public bool IsFinished => _epochs.Count >= Plan.Epochs || Diverged;

    /// <summary>Runs one more epoch.</summary>
    /// <param name="beforeStep">Receives the epoch's report before its last step, while the gradients are on the parameters.</param>
    /// <returns>The epoch's report.</returns>
    /// <exception cref="InvalidOperationException">The run is finished.</exception>
    public EpochReport TrainEpoch(IProgress<EpochReport>? beforeStep = null) => RunEpoch(beforeStep, untilDiverged: false);

    /// <summary>
    /// Runs one more epoch past the planned ones (the sandbox's play runs on until paused); the same epoch as
    /// <see cref="TrainEpoch(IProgress{EpochReport})"/>.
    /// </summary>
    /// <param name="beforeStep">Receives the epoch's report before its last step.</param>
    /// <returns>The epoch's report.</returns>
    /// <exception cref="InvalidOperationException">The run diverged.</exception>
    public EpochReport TrainEpochOnward(IProgress<EpochReport>? beforeStep = null) => RunEpoch(beforeStep, untilDiverged: true);

    /// <summary>Runs the epochs left, until the run is finished or <paramref name="cancellationToken"/> stops it.</summary>
    /// <param name="progress">Receives every epoch's report before its last step.</param>
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

    /// <summary>Stops the engines' threads, if they have any.</summary>
    public void Dispose()
    {
        foreach (var engine in _engines.Values)
        {
            (engine as IDisposable)?.Dispose();
        }
    }

    private ITrainingEngine EngineFor(int pointCount)
    {
        if (!_engines.TryGetValue(pointCount, out var engine))
        {
            engine = TrainingEngines.Create(Plan.Engine, Plan.Threads);
            _engines.Add(pointCount, engine);
        }

        return engine;
    }

    private EpochReport RunEpoch(IProgress<EpochReport>? beforeStep, bool untilDiverged)
    {
        if (Diverged || (!untilDiverged && IsFinished))
        {
            throw new InvalidOperationException(Diverged ? "The run diverged: no epoch can follow." : "Every planned epoch has run.");
        }

        var epoch = new EpochSum(this, beforeStep);
        for (var b = 0; b < _trainers.Length && !epoch.Diverged; b++)
        {
            epoch.Batch = b;
            _trainerTimes[b] = _trainers[b].TrainEpoch(epoch).Elapsed;
        }

        _epochs.Add(epoch.Result);
        return epoch.Result;
    }

    // Adds λ · w to each weight's derivative, where the step p − η · d will read it.
    private void AddL2()
    {
        foreach (var weight in _weights)
        {
            weight.Value.AccumulateDerivative(Plan.L2 * weight.Value.Data);
        }
    }

    /// <summary>
    /// The epoch under way: each batch's trainer reports to it before its step; it adds L2, keeps the sums, and before the
    /// last step (or at a diverged batch, which has no step and ends the epoch) measures the test points and reports
    /// the epoch.
    /// </summary>
    private sealed class EpochSum(TrainingRun run, IProgress<EpochReport>? beforeStep) : IProgress<EpochReport>
    {
        private bool _started;
        private double _loss;
        private int _correct;

        /// <summary>The batch under way.</summary>
        public int Batch { get; set; }

        public bool Diverged => _started && !double.IsFinite(_loss);

        public EpochReport Result { get; private set; }

        public void Report(EpochReport value)
        {
            _loss = _started ? _loss + value.TotalLoss : value.TotalLoss;
            _correct += value.Correct;
            _started = true;
            if (double.IsFinite(value.TotalLoss))
            {
                run.AddL2();
            }

            if (Batch == run._trainers.Length - 1 || Diverged)
            {
                Finish(value.Elapsed);
            }
        }

        // The time is every trainer's: the one under way up to now, the others up to their last epoch.
        private void Finish(TimeSpan batchTime)
        {
            if (run.Plan.Test is { } test)
            {
                run._tests.Add(HeldOutTotals.Measure(ModelSnapshot.Of(run.Network), test));
            }

            var elapsed = batchTime;
            for (var b = 0; b < run._trainers.Length; b++)
            {
                elapsed += b == Batch ? TimeSpan.Zero : run._trainerTimes[b];
            }

            Result = new EpochReport(run._epochs.Count + 1, _loss, _correct, elapsed);
            beforeStep?.Report(Result);
        }
    }
}
