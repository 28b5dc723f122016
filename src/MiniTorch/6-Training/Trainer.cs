using System.Diagnostics;

namespace MiniTorch;

/// <summary>
/// The training loop of MiniTorch Task 1.5: each epoch clears the gradients, runs the engine over every point (which
/// leaves the gradient of the mean loss on the parameters) and takes one <see cref="Sgd"/> step.
/// </summary>
public sealed class Trainer
{
    private readonly ITrainingEngine _engine;
    private readonly Stopwatch _clock = new();
    private int _epochs;

    /// <summary>Prepares training of <paramref name="model"/> on <paramref name="data"/>.</summary>
    /// <param name="model">The model; its parameters change as training runs.</param>
    /// <param name="data">The training data, at least one point.</param>
    /// <param name="learningRate">η, a positive finite number.</param>
    /// <param name="engine">How an epoch is computed; <see cref="ScalarEngine"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The data is empty or the learning rate not positive and finite.</exception>
    public Trainer(Module<Scalar[], Scalar> model, Dataset data, double learningRate, ITrainingEngine? engine = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfZero(data.Count);
        Model = model;
        Data = data;
        Optimizer = new Sgd(model.Parameters(), learningRate);
        _engine = engine ?? new ScalarEngine();
    }

    /// <summary>The model being trained.</summary>
    public Module<Scalar[], Scalar> Model { get; }

    /// <summary>The training data.</summary>
    public Dataset Data { get; }

    /// <summary>The optimiser, over all of the model's parameters.</summary>
    public Sgd Optimizer { get; }

    /// <summary>
    /// Runs <paramref name="epochs"/> epochs with <see cref="TrainEpoch"/>. Each report goes to
    /// <paramref name="progress"/> before the epoch's step. If an epoch's total loss is NaN or infinite, training stops
    /// there without a step.
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
        // Grown as epochs finish rather than sized up front: a run may be asked for far more epochs than it will do.
        var reports = new List<EpochReport>();
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var report = TrainEpoch(progress);
            reports.Add(report);
            if (!double.IsFinite(report.TotalLoss))
            {
                return new TrainingOutcome(reports, report.Epoch);
            }
        }

        return new TrainingOutcome(reports, null);
    }

    /// <summary>
    /// Runs one epoch, the body of <see cref="Train"/>'s loop: clears the gradients, computes the loss and the gradients
    /// over every point, and takes one step, unless the total loss is NaN or infinite.
    /// </summary>
    /// <param name="beforeStep">
    /// Receives the epoch's report synchronously, while the gradients are still on the parameters (the step replaces
    /// them), or <see langword="null"/>.
    /// </param>
    /// <returns>
    /// The report. Epochs are numbered from 1 over every call on this trainer, and the elapsed time is the time spent
    /// in them so far.
    /// </returns>
    public EpochReport TrainEpoch(IProgress<EpochReport>? beforeStep = null)
    {
        _clock.Start();
        try
        {
            Optimizer.ZeroGrad();
            var totals = _engine.RunEpoch(Model, Data);
            var report = new EpochReport(++_epochs, totals.TotalLoss, totals.Correct, _clock.Elapsed);
            beforeStep?.Report(report);
            if (double.IsFinite(totals.TotalLoss))
            {
                Optimizer.Step();
            }

            return report;
        }
        finally
        {
            _clock.Stop();
        }
    }
}
