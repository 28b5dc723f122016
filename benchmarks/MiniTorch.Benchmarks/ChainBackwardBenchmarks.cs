using BenchmarkDotNet.Attributes;

namespace MiniTorch.Benchmarks;

/// <summary>Backward over chains from 10³ to 10⁶ nodes: the cost per node should stay flat as the graph grows.</summary>
[MemoryDiagnoser]
public class ChainBackwardBenchmarks
{
    private Scalar _output = Scalar.Constant(0.0);
    private Tape? _tape;

    [Params(1_000, 10_000, 100_000, 1_000_000)]
    public int Nodes { get; set; }

    [Params(ChainOp.Add, ChainOp.Mul)]
    public ChainOp Op { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var (leaf, output) = Chain.Build(Nodes, Op);
        _output = output;
        _tape = MiniTorch.Tape.Record(output, leaf);
    }

    [Benchmark(Baseline = true)]
    public void Graph() => _output.Backward();

    [Benchmark]
    public void Tape() => _tape!.Backward();
}
