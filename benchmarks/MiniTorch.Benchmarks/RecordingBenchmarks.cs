using BenchmarkDotNet.Attributes;

namespace MiniTorch.Benchmarks;

/// <summary>What a node costs to build as a graph, and then to record onto a tape.</summary>
[MemoryDiagnoser]
public class RecordingBenchmarks
{
    private Scalar _leaf = Scalar.Constant(0.0);
    private Scalar _output = Scalar.Constant(0.0);

    [Params(1_000, 100_000)]
    public int Nodes { get; set; }

    [GlobalSetup]
    public void Setup() => (_leaf, _output) = Chain.Build(Nodes, ChainOp.Add);

    [Benchmark(Baseline = true)]
    public Scalar BuildGraph() => Chain.Build(Nodes, ChainOp.Add).Output;

    [Benchmark]
    public Tape Record() => Tape.Record(_output, _leaf);
}
