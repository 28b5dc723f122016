using BenchmarkDotNet.Attributes;

namespace MiniTorch.Benchmarks;

/// <summary>
/// One epoch of the standard workload per implementation, as <see cref="Trainer"/> runs it (clear the gradients, one pass,
/// one SGD step); the hand-written baseline is the yardstick of the ratios. <see cref="TapePass"/> is the tape engine's
/// pass alone, without the step, whose new parameter leaves are the only allocation of a tape epoch. <see cref="Compiled"/>
/// is the tape engine compiled (in the first operation) in <see cref="Trainer"/>'s loop, and <see cref="CompiledPass"/>
/// its pass alone; <see cref="CompiledScalar"/>, <see cref="CompiledVector"/> and <see cref="Tiered"/> (after it has
/// switched to compiled code) run their own loop (<see cref="TapeTrainer"/>), whose step allocates nothing.
/// </summary>
/// <remarks>BenchmarkDotNet derives from benchmark classes, so they cannot be sealed.</remarks>
[MemoryDiagnoser]
public class EpochBenchmarks : IDisposable
{
    private readonly StandardWorkload _workload = new();

    [GlobalSetup]
    public void Setup() => _workload.LetTieredSwitch();

    [Benchmark(Baseline = true)]
    public EpochTotals HandWritten() => _workload.Epoch(Implementation.HandWritten);

    [Benchmark]
    public EpochTotals Tape() => _workload.Epoch(Implementation.Tape);

    [Benchmark]
    public EpochTotals TapePass() => _workload.Pass(Implementation.Tape);

    [Benchmark]
    public EpochTotals Compiled() => _workload.Epoch(Implementation.Compiled);

    [Benchmark]
    public EpochTotals CompiledPass() => _workload.Pass(Implementation.Compiled);

    [Benchmark]
    public EpochTotals CompiledScalar() => _workload.Epoch(Implementation.CompiledScalar);

    [Benchmark]
    public EpochTotals CompiledVector() => _workload.Epoch(Implementation.CompiledVector);

    [Benchmark]
    public EpochTotals Tiered() => _workload.Epoch(Implementation.Tiered);

    [Benchmark]
    public EpochTotals Graph() => _workload.Epoch(Implementation.Graph);

    [GlobalCleanup]
    public void Dispose()
    {
        _workload.Dispose();
        GC.SuppressFinalize(this);
    }
}
