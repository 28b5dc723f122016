using MiniTorch.Runs;

namespace MiniTorch.Benchmarks;

/// <summary>The three implementations of the training step that the benchmarks compare.</summary>
public enum Implementation
{
    /// <summary><see cref="HandWrittenTrainer"/>: forward and backward written by hand on double arrays, the yardstick.</summary>
    HandWritten,

    /// <summary><see cref="ScalarEngine"/>: a Scalar graph per point.</summary>
    Graph,

    /// <summary><see cref="TapeEngine"/>: a tape per label class, replayed per point.</summary>
    Tape,

    /// <summary><see cref="TapeEngine"/> with <see cref="TapeReplay.Compiled"/>.</summary>
    Compiled,
}

/// <summary>
/// The standard workload of docs/performance.md, <see cref="TrainingSettings.Recommended"/>("xor", 1): Xor, 50 points,
/// hidden width 10, rate 0.5, with the library's <see cref="Network"/> and <see cref="Datasets.Xor"/>. Each
/// implementation trains its own copy of the same initial network; an epoch is <see cref="Trainer"/>'s: clear the
/// gradients, one pass over the points, one SGD step.
/// </summary>
public sealed class StandardWorkload
{
    private readonly HandWrittenTrainer _baseline;
    private readonly Network _graphNetwork;
    private readonly Network _tapeNetwork;
    private readonly Network _compiledNetwork;
    private readonly Sgd _graphSgd;
    private readonly Sgd _tapeSgd;
    private readonly Sgd _compiledSgd;
    private readonly ScalarEngine _graph = new();
    private readonly TapeEngine _tape = new();
    private readonly TapeEngine _compiled = new(TapeReplay.Compiled);

    /// <summary>Creates the data and four copies of the initial network.</summary>
    public StandardWorkload()
    {
        Data = Settings.CreateDataset();
        _baseline = new HandWrittenTrainer(TrainingSettings.CreateNetwork(Settings.Hidden, Settings.Seed), Data, Settings.LearningRate);
        _graphNetwork = TrainingSettings.CreateNetwork(Settings.Hidden, Settings.Seed);
        _tapeNetwork = TrainingSettings.CreateNetwork(Settings.Hidden, Settings.Seed);
        _compiledNetwork = TrainingSettings.CreateNetwork(Settings.Hidden, Settings.Seed);
        _graphSgd = new Sgd(_graphNetwork.Parameters(), Settings.LearningRate);
        _tapeSgd = new Sgd(_tapeNetwork.Parameters(), Settings.LearningRate);
        _compiledSgd = new Sgd(_compiledNetwork.Parameters(), Settings.LearningRate);

        var counter = new TapeEngine();
        counter.RunEpoch(TrainingSettings.CreateNetwork(Settings.Hidden, Settings.Seed), Data);
        NodesPerEpoch = counter.NodesPerEpoch(Data);
    }

    /// <summary>The workload's settings.</summary>
    public TrainingSettings Settings { get; } = TrainingSettings.Recommended("xor", 1);

    /// <summary>The 50 points.</summary>
    public Dataset Data { get; }

    /// <summary>The scalar operations (graph nodes) of one epoch: the sum over the points of their tape's node count.</summary>
    public long NodesPerEpoch { get; }

    /// <summary>A full epoch: <see cref="Pass"/>, then <see cref="Step"/>.</summary>
    /// <param name="which">The implementation.</param>
    /// <returns>The epoch's total loss and correct count.</returns>
    public EpochTotals Epoch(Implementation which)
    {
        var totals = Pass(which);
        Step(which);
        return totals;
    }

    /// <summary>Clears the gradients and runs one pass over the points, leaving the gradients for <see cref="Step"/>.</summary>
    /// <param name="which">The implementation.</param>
    /// <returns>The pass's total loss and correct count.</returns>
    public EpochTotals Pass(Implementation which)
    {
        switch (which)
        {
            case Implementation.HandWritten:
                return _baseline.RunEpoch();
            case Implementation.Graph:
                _graphSgd.ZeroGrad();
                return _graph.RunEpoch(_graphNetwork, Data);
            case Implementation.Compiled:
                _compiledSgd.ZeroGrad();
                return _compiled.RunEpoch(_compiledNetwork, Data);
            default:
                _tapeSgd.ZeroGrad();
                return _tape.RunEpoch(_tapeNetwork, Data);
        }
    }

    /// <summary>The SGD step with the gradients of the latest <see cref="Pass"/>.</summary>
    /// <param name="which">The implementation.</param>
    public void Step(Implementation which)
    {
        switch (which)
        {
            case Implementation.HandWritten:
                _baseline.Step();
                break;
            case Implementation.Graph:
                _graphSgd.Step();
                break;
            case Implementation.Compiled:
                _compiledSgd.Step();
                break;
            default:
                _tapeSgd.Step();
                break;
        }
    }

    /// <summary>The current parameters of one implementation's network, in <see cref="Module.Parameters"/> order.</summary>
    /// <param name="which">The implementation.</param>
    /// <returns>A copy of the values.</returns>
    public double[] Parameters(Implementation which) => which switch
    {
        Implementation.HandWritten => _baseline.Network.Parameters.ToArray(),
        Implementation.Graph => [.. _graphNetwork.Parameters().Select(p => p.Value.Data)],
        Implementation.Compiled => [.. _compiledNetwork.Parameters().Select(p => p.Value.Data)],
        _ => [.. _tapeNetwork.Parameters().Select(p => p.Value.Data)],
    };

    /// <summary>
    /// Records the tape of one point's scaled loss for a label class, as the tape engines do: inputs x₀, x₁ and the
    /// initial network's parameters; for label 1 the loss is −log(out) / N, otherwise −log(−out + 1) / N.
    /// </summary>
    /// <param name="label">0 or 1.</param>
    /// <returns>The tape.</returns>
    public Tape RecordClassTape(int label)
    {
        var network = TrainingSettings.CreateNetwork(Settings.Hidden, Settings.Seed);
        Scalar[] x = [new(Data.Points[0].X1, "x0"), new(Data.Points[0].X2, "x1")];
        var output = network.Call(x);
        var prob = label == 1 ? output : -output + 1.0;
        return Tape.Record(-prob.Log() / Data.Count, [.. x, .. network.Parameters().Select(p => p.Value)]);
    }
}
