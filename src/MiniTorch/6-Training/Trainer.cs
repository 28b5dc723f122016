using System.Diagnostics;

namespace MiniTorch;

/// <summary>
/// The training loop of MiniTorch Task 1.5: each epoch clears the gradients, runs the engine over every point (which
/// leaves the gradient of the mean loss on the parameters) and takes one <see cref="Sgd"/> step.
/// </summary>
public sealed class Trainer
{
    private readonly ITrainingEngine _engine;
    private readonly ParameterUpdate _update;

    /// <summary>Prepares training of <paramref name="model"/> on <paramref name="data"/>.</summary>
    /// <param name="model">The model; its parameters change as training runs.</param>
    /// <param name="data">The training data, at least one point.</param>
    /// <param name="learningRate">η, a positive finite number.</param>
    /// <param name="engine">How an epoch is computed; <see cref="ScalarEngine"/> when <see langword="null"/>.</param>
    /// <param name="update">
    /// How each step changes the parameters: MiniTorch's new leaves (the default) or in place, which allocates nothing
    /// (see <see cref="ParameterUpdate"/>); the values are the same bits.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">The data is empty or the learning rate not positive and finite.</exception>
    public Trainer(Module<Scalar[], Scalar> model, Dataset data, double learningRate, ITrainingEngine? engine = null, ParameterUpdate update = ParameterUpdate.NewLeaf)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfZero(data.Count);
        Model = model;
        Data = data;
        Optimizer = new Sgd(model.Parameters(), learningRate);
        _engine = engine ?? new ScalarEngine();
        _update = update;
    }

    /// <summary>The model being trained.</summary>
    public Module<Scalar[], Scalar> Model { get; }

    /// <summary>The training data.</summary>
    public Dataset Data { get; }

    /// <summary>The optimiser, over all of the model's parameters.</summary>
    public Sgd Optimizer { get; }

    /// <summary>
    /// Runs <paramref name="epochs"/> epochs, numbered from 1. After each one, <paramref name="progress"/> receives its
    /// report synchronously, on the calling thread, before the step. If an epoch's total loss is NaN or infinite,
    /// training stops there without a step.
    /// </summary>
    /// <param name="epochs">How many epochs to run, at least 1.</param>
    /// <param name="progress">
    /// Receives every epoch's report, or <see langword="null"/>. (<see cref="Progress{T}"/> would post the reports to
    /// another thread later; a synchronous implementation sees them in order.)
    /// </param>
    /// <param name="cancellationToken">Checked before each epoch.</param>
    /// <returns>Every epoch's report and whether the loss diverged.</returns>
    /// <exception cref="OperationCanceledException">Cancellation was requested; the model keeps the last step's values.</exception>
    public TrainingOutcome Train(int epochs, IProgress<EpochReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        var clock = Stopwatch.StartNew();
        // Grown as epochs finish rather than sized up front: a run may be asked for far more epochs than it will do.
        var reports = new List<EpochReport>();
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Optimizer.ZeroGrad();
            var totals = _engine.RunEpoch(Model, Data);
            var report = new EpochReport(epoch, totals.TotalLoss, totals.Correct, clock.Elapsed);
            reports.Add(report);
            progress?.Report(report);
            if (!double.IsFinite(totals.TotalLoss))
            {
                return new TrainingOutcome(reports, epoch);
            }

            if (_update == ParameterUpdate.InPlace)
            {
                Optimizer.StepInPlace();
            }
            else
            {
                Optimizer.Step();
            }
        }

        return new TrainingOutcome(reports, null);
    }
}
