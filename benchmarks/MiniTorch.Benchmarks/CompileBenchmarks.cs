using BenchmarkDotNet.Attributes;

namespace MiniTorch.Benchmarks;

/// <summary>
/// What compiling a tape costs (<see cref="Tape.Compile"/>: IL generation and the JIT of every chunk), for the two
/// class tapes of the standard workload (154 and 156 steps), against recording the same tape, the baseline.
/// </summary>
/// <remarks>Every operation compiles anew: new methods, jitted anew. BenchmarkDotNet derives from benchmark classes, so they cannot be sealed.</remarks>
[MemoryDiagnoser]
public class CompileBenchmarks
{
    private readonly StandardWorkload _workload = new();
    private Tape _tape = null!;

    [Params(0, 1)]
    public int Label { get; set; }

    [GlobalSetup]
    public void Setup() => _tape = _workload.RecordClassTape(Label);

    [Benchmark(Baseline = true)]
    public Tape Record() => _workload.RecordClassTape(Label);

    [Benchmark]
    public CompiledTape Compile() => _tape.Compile();
}
