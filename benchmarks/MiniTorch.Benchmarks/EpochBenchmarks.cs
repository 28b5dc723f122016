using BenchmarkDotNet.Attributes;

namespace MiniTorch.Benchmarks;

/// <summary>
/// One epoch of the standard workload per implementation, as <see cref="Trainer"/> runs it (clear the gradients, one pass,
/// one SGD step); the hand-written baseline is the yardstick of the ratios. <see cref="TapePass"/> is the tape engine's
/// pass alone, without the step, whose new parameter leaves are the only allocation of a tape epoch. <see cref="Compiled"/>
/// is the tape engine on compiled tapes (compiled once, in the first operation), and
/// <see cref="CompiledPass"/> its pass alone.
/// </summary>
/// <remarks>BenchmarkDotNet derives from benchmark classes, so they cannot be sealed.</remarks>
[MemoryDiagnoser]
public class EpochBenchmarks
{
    private readonly StandardWorkload _workload = new();

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
    public EpochTotals Graph() => _workload.Epoch(Implementation.Graph);
}
