using BenchmarkDotNet.Attributes;

namespace MiniTorch.Benchmarks;

/// <summary>
/// One epoch of a workload per tape engine, against the hand-written baseline: the tape interpreted in
/// <see cref="Trainer"/>'s loop, and compiled for one point and for several per replay, and tiered (after it has
/// switched to compiled code), in their own loop (<see cref="TapeTrainer"/>, whose step allocates nothing). The
/// workloads' classes add their own rows.
/// </summary>
/// <remarks>BenchmarkDotNet derives from benchmark classes, so they cannot be sealed.</remarks>
[MemoryDiagnoser]
public abstract class TapeEngineEpochBenchmarks(StandardWorkload workload) : IDisposable
{
    /// <summary>The workload the rows train on.</summary>
    protected StandardWorkload Workload { get; } = workload;

    [GlobalSetup]
    public void Setup() => Workload.LetTieredSwitch();

    [Benchmark(Baseline = true)]
    public EpochTotals HandWritten() => Workload.Epoch(Implementation.HandWritten);

    [Benchmark]
    public EpochTotals Tape() => Workload.Epoch(Implementation.Tape);

    [Benchmark]
    public EpochTotals CompiledScalar() => Workload.Epoch(Implementation.CompiledScalar);

    [Benchmark]
    public EpochTotals CompiledVector() => Workload.Epoch(Implementation.CompiledVector);

    [Benchmark]
    public EpochTotals Tiered() => Workload.Epoch(Implementation.Tiered);

    [GlobalCleanup]
    public void Dispose()
    {
        Workload.Dispose();
        GC.SuppressFinalize(this);
    }
}
