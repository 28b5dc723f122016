using BenchmarkDotNet.Attributes;

namespace MiniTorch.Benchmarks;

/// <summary>
/// One epoch of the standard workload per implementation, as <see cref="Trainer"/> runs it (clear the gradients, one
/// pass, one SGD step), with the tape engines' rows (<see cref="TapeEngineEpochBenchmarks"/>) and these:
/// <see cref="TapePass"/>, the tape engine's pass alone, without the step, whose new parameter leaves are the only
/// allocation of a tape epoch; <see cref="Compiled"/>, the tape engine compiled (in the first operation) in
/// <see cref="Trainer"/>'s loop, and <see cref="CompiledPass"/> its pass alone; and <see cref="Graph"/>.
/// </summary>
/// <remarks>BenchmarkDotNet derives from benchmark classes, so they cannot be sealed.</remarks>
public class EpochBenchmarks() : TapeEngineEpochBenchmarks(new StandardWorkload())
{
    [Benchmark]
    public EpochTotals TapePass() => Workload.Pass(Implementation.Tape);

    [Benchmark]
    public EpochTotals Compiled() => Workload.Epoch(Implementation.Compiled);

    [Benchmark]
    public EpochTotals CompiledPass() => Workload.Pass(Implementation.Compiled);

    [Benchmark]
    public EpochTotals Graph() => Workload.Epoch(Implementation.Graph);
}
