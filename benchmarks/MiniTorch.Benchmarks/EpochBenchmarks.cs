using BenchmarkDotNet.Attributes;

namespace MiniTorch.Benchmarks;

/// <summary>One epoch of the standard workload per engine; the hand-written baseline is the yardstick of the ratios.</summary>
/// <remarks>BenchmarkDotNet derives from benchmark classes, so they cannot be sealed.</remarks>
[MemoryDiagnoser]
public class EpochBenchmarks
{
    private readonly StandardWorkload _workload = new();
    private double[] _gradients = [];

    [GlobalSetup]
    public void Setup() => _gradients = new double[_workload.ParameterCount];

    [Benchmark(Baseline = true)]
    public double HandWritten() => _workload.BaselineEpoch(_gradients);

    [Benchmark]
    public double Tape() => _workload.TapeEpoch(_gradients);

    [Benchmark]
    public double Graph() => _workload.GraphEpoch(_gradients);
}
