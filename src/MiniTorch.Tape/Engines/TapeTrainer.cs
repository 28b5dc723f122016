using System.Diagnostics;
using System.Numerics;

namespace MiniTorch;

/// <summary>
/// <see cref="Trainer"/>'s loop with a <see cref="TapeEngine"/>, step included, on arrays: the same epochs, reports
/// and parameters bit for bit, without the new leaf scalars that <see cref="Sgd.Step"/> makes for every parameter at
/// every epoch, so that an epoch allocates nothing once the tapes are recorded (and compiled). The model's parameters
/// are brought up to date only when asked (<see cref="UpdateModel"/>).
/// </summary>
/// <remarks>
/// <para>
/// The parameters' values are read from the model once, at the first epoch, and then live in an array. An epoch is
/// the engine's pass over the data at those values (the gradient of the mean loss summed per parameter, as
/// <see cref="TapeEngine.RunEpoch"/> computes it), the report, and, unless the total loss is NaN or infinite, the step
/// p ← p − η · (0 + g) for every parameter that has a gradient: the value <see cref="Sgd.Step"/> gives the new leaf,
/// whose derivative is 0 + g after <see cref="Sgd.ZeroGrad"/> and one <see cref="Scalar.AccumulateDerivative"/>.
/// </para>
/// <para>
/// <see cref="UpdateModel"/> writes the values into the model as <see cref="Sgd.Step"/> would have left them: each
/// parameter with a gradient gets a new leaf scalar with its value; called from the hook of
/// <see cref="TrainEpoch"/>, before the step, the leaves also carry their derivatives, as <see cref="Trainer"/>'s do
/// at that moment. Call it whenever the model is read: between epochs, after the last one, or in the hook. Not
/// thread-safe; one trainer per engine.
/// </para>
/// </remarks>
public sealed class TapeTrainer
{
    private readonly TapeEngine _engine;
    private readonly Stopwatch _clock = new();
    private int _epochs;
    private bool _gradientsPending;

    // Counts the changes to the arrays (a pass, a step), and the count the model was last brought up to.
    private int _changes;
    private int _changesInModel;

    /// <summary>Prepares training of <paramref name="model"/> on <paramref name="data"/> with <paramref name="engine"/>.</summary>
    /// <param name="model">The model; its parameters are read at the first epoch and written by <see cref="UpdateModel"/>.</param>
    /// <param name="data">The training data, at least one point.</param>
    /// <param name="learningRate">η, a positive finite number.</param>
    /// <param name="engine">The engine that computes each pass, used by this trainer alone; the caller disposes it.</param>
    /// <exception cref="ArgumentOutOfRangeException">The data is empty or the learning rate not positive and finite.</exception>
    public TapeTrainer(Module<Scalar[], Scalar> model, Dataset data, double learningRate, TapeEngine engine)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentOutOfRangeException.ThrowIfZero(data.Count);
        Sgd.ThrowIfInvalidLearningRate(learningRate);
        Model = model;
        Data = data;
        LearningRate = learningRate;
        _engine = engine;
    }

    /// <summary>The model being trained (up to date after <see cref="UpdateModel"/>).</summary>
    public Module<Scalar[], Scalar> Model { get; }

    /// <summary>The training data.</summary>
    public Dataset Data { get; }

    /// <summary>η, the learning rate.</summary>
    public double LearningRate { get; }

    /// <summary>The engine that computes each pass.</summary>
    public TapeEngine Engine => _engine;

    /// <summary>
    /// Runs one epoch, as <see cref="Trainer.TrainEpoch"/> does: the pass over every point, the report, and one step,
    /// unless the total loss is NaN or infinite.
    /// </summary>
    /// <param name="beforeStep">
    /// Receives the epoch's report synchronously, before the step, or <see langword="null"/>. The model is not updated
    /// for it: call <see cref="UpdateModel"/> there to read the parameters with their gradients.
    /// </param>
    /// <returns>The report: epochs numbered from 1 over every call, the elapsed time spent in them so far.</returns>
    public EpochReport TrainEpoch(IProgress<EpochReport>? beforeStep = null)
    {
        _clock.Start();
        try
        {
            var totals = _engine.Pass(Model, Data, readValues: _epochs == 0 || ModelEdited());
            _gradientsPending = true;
            _changes++;
            var report = new EpochReport(++_epochs, totals.TotalLoss, totals.Correct, _clock.Elapsed);
            beforeStep?.Report(report);
            if (double.IsFinite(totals.TotalLoss))
            {
                Step();
            }

            _gradientsPending = false;
            _changes++;
            return report;
        }
        finally
        {
            _clock.Stop();
        }
    }

    /// <summary>
    /// Writes the current values into the model's parameters, as new leaf scalars, as <see cref="Trainer"/> would
    /// hold them now: with their derivatives when called before the step (from the hook of <see cref="TrainEpoch"/>).
    /// Does nothing when the model is already up to date.
    /// </summary>
    public void UpdateModel()
    {
        if (_changesInModel == _changes)
        {
            return;
        }

        var parameters = _engine.Trained.Parameters;
        var values = _engine.Trained.Values;
        var sums = _engine.Trained.Sums;
        var hasGradient = _engine.Trained.HasGradient;
        for (var i = 0; i < parameters.Length; i++)
        {
            if (!hasGradient[i])
            {
                // Trainer clears every derivative before each pass; no pass reaches this parameter.
                parameters[i].Value.ClearDerivative();
                continue;
            }

            var leaf = new Scalar(values[i]);
            if (_gradientsPending)
            {
                leaf.AccumulateDerivative(sums[i]);
            }

            parameters[i].Update(leaf);
        }

        _changesInModel = _changes;
    }

    /// <summary>
    /// Copies the gradients of the epoch under way into <paramref name="gradients"/>, in <see cref="Module.Parameters"/>
    /// order, as <see cref="UpdateModel"/> puts them on the parameters (null where no pass reaches a parameter), without
    /// making a scalar: call it from the hook of <see cref="TrainEpoch"/>, before the step.
    /// </summary>
    /// <param name="gradients">Receives one gradient per parameter.</param>
    /// <exception cref="InvalidOperationException">No epoch is before its step.</exception>
    public void CopyGradients(Span<double?> gradients)
    {
        if (!_gradientsPending)
        {
            throw new InvalidOperationException("The gradients can be read only from the hook of TrainEpoch, before the step.");
        }

        var sums = _engine.Trained.Sums;
        var hasGradient = _engine.Trained.HasGradient;
        for (var i = 0; i < sums.Length; i++)
        {
            // As AccumulateDerivative adds the sum to a fresh leaf's 0.
            gradients[i] = hasGradient[i] ? 0.0 + sums[i] : null;
        }
    }

    // True when the model, brought up to date by UpdateModel, has since had a parameter set to another value (the
    // sandbox's Module tab sets values during a run): the next pass then reads the model's values.
    private bool ModelEdited()
    {
        if (_changesInModel != _changes)
        {
            return false;
        }

        var parameters = _engine.Trained.Parameters;
        var values = _engine.Trained.Values;
        for (var i = 0; i < parameters.Length; i++)
        {
            if (BitConverter.DoubleToInt64Bits(parameters[i].Value.Data) != BitConverter.DoubleToInt64Bits(values[i]))
            {
                return true;
            }
        }

        return false;
    }

    // Sgd.Step on the arrays: the derivative a leaf would hold, 0 + g, times η, taken from the value; several
    // parameters at a time (lane-wise IEEE operations, the same bits) when every one has a gradient.
    private void Step()
    {
        var trained = _engine.Trained;
        var values = trained.Values.AsSpan();
        var sums = trained.Sums.AsSpan();
        var i = 0;
        if (trained.EveryParameterHasGradient)
        {
            var rate = new Vector<double>(LearningRate);
            for (; i <= values.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                var derivative = Vector<double>.Zero + new Vector<double>(sums[i..]);
                (new Vector<double>(values[i..]) - (rate * derivative)).CopyTo(values[i..]);
            }
        }

        for (; i < values.Length; i++)
        {
            if (trained.HasGradient[i])
            {
                var derivative = 0.0 + sums[i];
                values[i] -= LearningRate * derivative;
            }
        }
    }
}
