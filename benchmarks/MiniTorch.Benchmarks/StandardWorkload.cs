using System.Diagnostics;

using MiniTorch.Runs;

namespace MiniTorch.Benchmarks;

/// <summary>The implementations of the training step that the benchmarks compare.</summary>
public enum Implementation
{
    /// <summary><see cref="HandWrittenTrainer"/>: forward and backward written by hand on double arrays, the yardstick.</summary>
    HandWritten,

    /// <summary><see cref="ScalarEngine"/>: a Scalar graph per point.</summary>
    Graph,

    /// <summary><see cref="TapeEngine"/>: a tape per label class, replayed per point.</summary>
    Tape,

    /// <summary><see cref="TapeEngine"/> with <see cref="TapeReplay.Compiled"/>, in <see cref="Trainer"/>'s loop (<see cref="Sgd.Step"/>).</summary>
    Compiled,

    /// <summary>The compiled tape for one point per replay, in its own loop (<see cref="TapeTrainer"/>, the step on arrays).</summary>
    CompiledScalar,

    /// <summary>The compiled tape for the widest vector up to <see cref="TapeEngine.DefaultMaxLanes"/> points per replay, in its own loop.</summary>
    CompiledVector,

    /// <summary><see cref="TapeReplay.Tiered"/> in its own loop, the default engine, once it has switched to compiled code.</summary>
    Tiered,
}

/// <summary>
/// A workload of the benchmarks: by default the standard one of docs/performance.md,
/// <see cref="TrainingSettings.Recommended"/>("xor", 1): Xor, 50 points, hidden width 10, rate 0.5, with the library's
/// <see cref="Network"/> and <see cref="Datasets.Xor"/>. Each implementation trains its own copy of the same initial
/// network; an epoch is <see cref="Trainer"/>'s: clear the gradients, one pass over the points, one SGD step (for the
/// engines with their own loop, <see cref="TapeTrainer.TrainEpoch"/>, which steps on arrays).
/// </summary>
public sealed class StandardWorkload : IDisposable
{
    private readonly HandWrittenTrainer _baseline;
    private readonly Dictionary<Implementation, (Module<Scalar[], Scalar> Network, Sgd Sgd, ITrainingEngine Engine)> _engines = [];
    private readonly Dictionary<Implementation, TapeTrainer> _loops = [];

    /// <summary>Creates the data and a copy of the initial network per implementation.</summary>
    /// <param name="settings">The workload; the standard one when <see langword="null"/>.</param>
    public StandardWorkload(TrainingSettings? settings = null)
    {
        Settings = settings ?? TrainingSettings.Recommended("xor", 1);
        Data = Settings.CreateDataset();
        _baseline = new HandWrittenTrainer(TrainingSettings.CreateNetwork(Settings.Hidden, Settings.Seed), Data, Settings.LearningRate);
        foreach (var (which, engine) in new (Implementation, ITrainingEngine)[]
        {
            (Implementation.Graph, new ScalarEngine()), (Implementation.Tape, new TapeEngine()), (Implementation.Compiled, new TapeEngine(TapeReplay.Compiled)),
        })
        {
            var network = Settings.CreateNetwork();
            _engines[which] = (network, new Sgd(network.Parameters(), Settings.LearningRate), engine);
        }

        foreach (var (which, replay, lanes) in new[]
        {
            (Implementation.CompiledScalar, TapeReplay.Compiled, 1),
            (Implementation.CompiledVector, TapeReplay.Compiled, TapeEngine.DefaultMaxLanes),
            (Implementation.Tiered, TapeReplay.Tiered, TapeEngine.DefaultMaxLanes),
        })
        {
            _loops[which] = new TapeTrainer(Settings.CreateNetwork(), Data, Settings.LearningRate, new TapeEngine(replay, lanes));
        }

        var counter = new TapeEngine();
        counter.RunEpoch(Settings.CreateNetwork(), Data);
        NodesPerEpoch = counter.NodesPerEpoch(Data);
    }

    /// <summary>The workload's settings.</summary>
    public TrainingSettings Settings { get; }

    /// <summary>The points.</summary>
    public Dataset Data { get; }

    /// <summary>The scalar operations (graph nodes) of one epoch: the sum over the points of their tape's node count.</summary>
    public long NodesPerEpoch { get; }

    /// <summary>The wide network of the benchmarks: Xor, 150 points, hidden width 200, rate 0.5, seed 1.</summary>
    /// <returns>The workload.</returns>
    public static StandardWorkload Wide() => new(new TrainingSettings("xor", 150, 200, 0.5, 1, 1));

    /// <summary>Whether an implementation runs its own loop, whose epoch includes its step.</summary>
    /// <param name="which">The implementation.</param>
    /// <returns>True for the engines in a <see cref="TapeTrainer"/>.</returns>
    public static bool HasOwnLoop(Implementation which) => which is Implementation.CompiledScalar or Implementation.CompiledVector or Implementation.Tiered;

    /// <summary>A full epoch: the pass, then the step.</summary>
    /// <param name="which">The implementation.</param>
    /// <returns>The epoch's total loss and correct count.</returns>
    public EpochTotals Epoch(Implementation which)
    {
        if (_loops.TryGetValue(which, out var loop))
        {
            var report = loop.TrainEpoch();
            return new EpochTotals(report.TotalLoss, report.Correct);
        }

        var totals = Pass(which);
        Step(which);
        return totals;
    }

    /// <summary>Clears the gradients and runs one pass over the points, leaving the gradients for <see cref="Step"/>.</summary>
    /// <param name="which">An implementation without its own loop.</param>
    /// <returns>The pass's total loss and correct count.</returns>
    /// <exception cref="InvalidOperationException">The implementation runs its own loop.</exception>
    public EpochTotals Pass(Implementation which)
    {
        if (which == Implementation.HandWritten)
        {
            return _baseline.RunEpoch();
        }

        var (network, sgd, engine) = Engine(which);
        sgd.ZeroGrad();
        return engine.RunEpoch(network, Data);
    }

    /// <summary>The SGD step with the gradients of the latest <see cref="Pass"/>.</summary>
    /// <param name="which">An implementation without its own loop.</param>
    /// <exception cref="InvalidOperationException">The implementation runs its own loop.</exception>
    public void Step(Implementation which)
    {
        if (which == Implementation.HandWritten)
        {
            _baseline.Step();
        }
        else
        {
            Engine(which).Sgd.Step();
        }
    }

    /// <summary>The current parameters of one implementation's network, in <see cref="Module.Parameters"/> order.</summary>
    /// <param name="which">The implementation.</param>
    /// <returns>A copy of the values.</returns>
    public double[] Parameters(Implementation which)
    {
        if (which == Implementation.HandWritten)
        {
            return _baseline.Network.Parameters.ToArray();
        }

        if (_loops.TryGetValue(which, out var loop))
        {
            loop.UpdateModel();
            return [.. loop.Model.Parameters().Select(p => p.Value.Data)];
        }

        return [.. Engine(which).Network.Parameters().Select(p => p.Value.Data)];
    }

    /// <summary>Trains the tiered engine until it runs compiled code (at most ten seconds), so that its epochs are measured compiled.</summary>
    public void LetTieredSwitch()
    {
        var clock = Stopwatch.StartNew();
        while (_loops[Implementation.Tiered].Engine.CompiledFromEpoch is null && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            Epoch(Implementation.Tiered);
        }
    }

    /// <summary>
    /// Records the tape of one point's scaled loss for a label class, as the tape engines do: inputs x₀, x₁ and the
    /// initial network's parameters; for label 1 the loss is −log(out) / N, otherwise −log(−out + 1) / N.
    /// </summary>
    /// <param name="label">0 or 1.</param>
    /// <returns>The tape.</returns>
    public Tape RecordClassTape(int label)
    {
        var network = Settings.CreateNetwork();
        Scalar[] x = [new(Data.Points[0].X1, "x0"), new(Data.Points[0].X2, "x1")];
        var output = network.Call(x);
        var prob = label == 1 ? output : -output + 1.0;
        return Tape.Record(-prob.Log() / Data.Count, [.. x, .. network.Parameters().Select(p => p.Value)]);
    }

    /// <summary>Stops the engines' compilations, if any still runs.</summary>
    public void Dispose()
    {
        foreach (var (_, _, engine) in _engines.Values)
        {
            (engine as IDisposable)?.Dispose();
        }

        foreach (var loop in _loops.Values)
        {
            loop.Engine.Dispose();
        }
    }

    private (Module<Scalar[], Scalar> Network, Sgd Sgd, ITrainingEngine Engine) Engine(Implementation which) =>
        _engines.TryGetValue(which, out var engine)
            ? engine
            : throw new InvalidOperationException($"{which} runs its own loop: its epoch includes its step.");
}
