using BenchmarkDotNet.Attributes;

using MiniTorch.Runs;

namespace MiniTorch.Benchmarks;

/// <summary>
/// One epoch of the standard workload (clear the gradients, one pass, one SGD step) with <see cref="ParallelTapeEngine"/>
/// on <see cref="Threads"/> threads, against <see cref="TapeEngine"/> on one thread, the baseline of the ratios.
/// </summary>
/// <remarks>
/// Each engine trains its own copy of the same initial network, as in <see cref="EpochBenchmarks"/>. The parallel
/// engine's worker threads live from the global setup to the global cleanup, so an operation pays for waking them and
/// waiting for them, not for starting them. BenchmarkDotNet derives from benchmark classes, so they cannot be sealed.
/// </remarks>
[MemoryDiagnoser]
public class ThreadedEpochBenchmarks : IDisposable
{
    private readonly TrainingSettings _settings = TrainingSettings.Recommended("xor", 1);
    private readonly TapeEngine _tape = new();
    private Dataset _data = null!;
    private Network _tapeNetwork = null!;
    private Network _parallelNetwork = null!;
    private Sgd _tapeSgd = null!;
    private Sgd _parallelSgd = null!;
    private ParallelTapeEngine _parallel = null!;

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = _settings.CreateDataset();
        _tapeNetwork = TrainingSettings.CreateNetwork(_settings.Hidden, _settings.Seed);
        _parallelNetwork = TrainingSettings.CreateNetwork(_settings.Hidden, _settings.Seed);
        _tapeSgd = new Sgd(_tapeNetwork.Parameters(), _settings.LearningRate);
        _parallelSgd = new Sgd(_parallelNetwork.Parameters(), _settings.LearningRate);
        _parallel = new ParallelTapeEngine(Threads);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _parallel.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true)]
    public EpochTotals Tape() => Epoch(_tape, _tapeNetwork, _tapeSgd);

    [Benchmark]
    public EpochTotals Parallel() => Epoch(_parallel, _parallelNetwork, _parallelSgd);

    private EpochTotals Epoch(ITrainingEngine engine, Network network, Sgd sgd)
    {
        sgd.ZeroGrad();
        var totals = engine.RunEpoch(network, _data);
        sgd.Step();
        return totals;
    }
}
