namespace MiniTorch.Runs;

/// <summary>
/// One training run of a <see cref="TrainingPlan"/>, as the command and the sandbox drive it: the network, the engines
/// and the library's <see cref="Trainer"/>s, one per batch, and the report of every epoch so far, with the test
/// points' totals when the plan holds some out.
/// </summary>
/// <remarks>
/// <para>
/// With MiniTorch's step (one batch, no L2) every epoch is <see cref="Trainer.TrainEpoch"/>, or the same epoch run by
/// an engine that has its own loop (<see cref="IOwnLoop"/>); with batches, an epoch is one <see cref="Trainer.TrainEpoch"/>
/// per batch, in order, each followed by its step, and its report adds the batches' losses and correct counts,
/// starting from the first batch's (so that one batch gives its own bits). L2 adds λ · w to each weight's derivative
/// just before a step. The test points are measured with the parameters the epoch's last batch was measured with,
/// before its step. Each batch size has an engine of its own, so that a tape engine keeps its tapes (recorded for a
/// number of points) from epoch to epoch.
/// </para>
/// <para>
/// The epochs run all at once (<see cref="Train"/>, the command) or one at a time (<see cref="TrainEpoch"/>, the
/// sandbox's play, pause and step): the numbers are the same bits either way. Not thread-safe: one epoch at a time, and
/// read the network only between epochs or in the hook before a step.
/// </para>
/// <para>
/// A run made with a stop token ends early once it is cancelled: the graph engine's epoch under way ends at its next
/// point (through <see cref="StoppableModel"/>), a tape engine's at its end, and no other epoch starts. An epoch cut
/// short adds no report; it takes no step, so the parameters stay as the last whole epoch left them, except with
/// batches, where the batches run before the stop keep their steps (a stopped run is meant to be set aside).
/// </para>
/// </remarks>
public sealed class TrainingRun : IDisposable
{
    private readonly Module<Scalar[], Scalar> _network;
    private readonly Dictionary<int, ITrainingEngine> _engines = [];
    private readonly Trainer[] _trainers;
    private readonly TimeSpan[] _trainerTimes;
    private readonly IOwnLoop? _loop;
    private readonly Parameter[] _weights;
    private readonly List<EpochReport> _epochs = [];
    private readonly List<EpochTotals> _tests = [];
    private readonly CancellationToken _stop;
    private Parameter[]? _parameters;

    /// <summary>Creates the network, the batches and their engines of <paramref name="plan"/>; no epoch runs yet.</summary>
    /// <param name="plan">What to train.</param>
    /// <param name="stop">Ends the run early, within the epoch under way (see the remarks); none when absent.</param>
    public TrainingRun(TrainingPlan plan, CancellationToken stop = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Plan = plan;
        _network = plan.CreateNetwork();
        _stop = stop;
        var model = stop.CanBeCanceled ? new StoppableModel(_network, stop) : _network;
        _trainers = [.. plan.Batches().Select(batch => new Trainer(model, batch, plan.LearningRate, EngineFor(batch.Count)))];
        _trainerTimes = new TimeSpan[_trainers.Length];
        _weights = plan.L2 == 0 ? [] : [.. _network.NamedParameters().Where(p => p.Key.Contains(".weight_", StringComparison.Ordinal)).Select(p => p.Value)];

        // An engine's own loop steps on its own copy of the parameters: it runs MiniTorch's step only (one batch, no
        // L2 to add to the derivatives).
        _loop = _trainers.Length == 1 && _weights.Length == 0 ? _engines.Values.Single() as IOwnLoop : null;
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

        /// <summary>Copies the gradients of the epoch under way, as <see cref="UpdateModel"/> would write them, without writing the model; call it before the step.</summary>
        /// <param name="gradients">Receives one gradient per parameter, in <see cref="Module.Parameters"/> order.</param>
        void CopyGradients(double?[] gradients);
    }

    /// <summary>What is trained.</summary>
    public TrainingPlan Plan { get; }

    /// <summary>
    /// The network, whose parameters change with every epoch; an engine with its own loop writes them into it when it
    /// is read (in the hook before a step, with their gradients).
    /// </summary>
    public Module<Scalar[], Scalar> Network
    {
        get
        {
            _loop?.UpdateModel();
            return _network;
        }
    }

    /// <summary>
    /// Copies the gradients on the network's parameters, in <see cref="Module.Parameters"/> order, in the hook before a
    /// step: what reading <see cref="Network"/>'s derivatives there gives, without making an engine with its own loop
    /// write every parameter into the network (a cost per epoch that a wide network feels).
    /// </summary>
    /// <param name="gradients">Receives one gradient per parameter.</param>
    public void CopyGradients(double?[] gradients)
    {
        ArgumentNullException.ThrowIfNull(gradients);
        if (_loop is not null)
        {
            _loop.CopyGradients(gradients);
            return;
        }

        _parameters ??= [.. _network.Parameters()];
        for (var i = 0; i < _parameters.Length; i++)
        {
            gradients[i] = _parameters[i].Value.Derivative;
        }
    }

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
    /// <exception cref="OperationCanceledException">The run's stop token was cancelled, before or during the epoch.</exception>
    public EpochReport TrainEpoch(IProgress<EpochReport>? beforeStep = null) => RunEpoch(beforeStep, untilDiverged: false);

    /// <summary>
    /// Runs one more epoch past the planned ones (the sandbox's play runs on until paused); the same epoch as
    /// <see cref="TrainEpoch(IProgress{EpochReport})"/>.
    /// </summary>
    /// <param name="beforeStep">Receives the epoch's report before its last step.</param>
    /// <returns>The epoch's report.</returns>
    /// <exception cref="InvalidOperationException">The run diverged.</exception>
    /// <exception cref="OperationCanceledException">The run's stop token was cancelled, before or during the epoch.</exception>
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

    /// <summary>Stops the engines' threads, if they have any (worker threads, or a compilation still running).</summary>
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

        _stop.ThrowIfCancellationRequested();
        var epoch = new EpochSum(this, beforeStep);
        if (_loop is not null)
        {
            _trainerTimes[0] = _loop.TrainEpoch(_trainers[0], epoch).Elapsed;
        }
        else
        {
            for (var b = 0; b < _trainers.Length && !epoch.Diverged; b++)
            {
                epoch.Batch = b;
                _trainerTimes[b] = _trainers[b].TrainEpoch(epoch).Elapsed;
            }
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
