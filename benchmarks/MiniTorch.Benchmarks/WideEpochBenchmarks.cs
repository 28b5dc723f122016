using BenchmarkDotNet.Attributes;

namespace MiniTorch.Benchmarks;

/// <summary>
/// One epoch of the wide network (<see cref="StandardWorkload.Wide"/>: Xor, 150 points, hidden 200, 41,001 parameters)
/// per implementation, against the hand-written baseline: the tape interpreted, and compiled (in loops over its dense
/// layers) for one point and for several per replay, and tiered (after it has switched to compiled code), in their own
/// loop. The graph engine is left out: an epoch of it takes seconds.
/// </summary>
/// <remarks>BenchmarkDotNet derives from benchmark classes, so they cannot be sealed.</remarks>
[MemoryDiagnoser]
public class WideEpochBenchmarks : IDisposable
{
    private readonly StandardWorkload _workload = StandardWorkload.Wide();

    [GlobalSetup]
    public void Setup() => _workload.LetTieredSwitch();

    [Benchmark(Baseline = true)]
    public EpochTotals HandWritten() => _workload.Epoch(Implementation.HandWritten);

    [Benchmark]
    public EpochTotals Tape() => _workload.Epoch(Implementation.Tape);

    [Benchmark]
    public EpochTotals CompiledScalar() => _workload.Epoch(Implementation.CompiledScalar);

    [Benchmark]
    public EpochTotals CompiledVector() => _workload.Epoch(Implementation.CompiledVector);

    [Benchmark]
    public EpochTotals Tiered() => _workload.Epoch(Implementation.Tiered);

    [GlobalCleanup]
    public void Dispose()
    {
        _workload.Dispose();
        GC.SuppressFinalize(this);
    }
}
