using BenchmarkDotNet.Attributes;

namespace MiniTorch.Benchmarks;

/// <summary>
/// What compiling costs. <see cref="Compile"/>: one class tape of the standard workload (<see cref="Tape.Compile"/>,
/// IL generation and the JIT; 154 and 156 steps), against recording the same tape, the baseline. The engines'
/// first epoch from a fresh engine: interpreted (<see cref="InterpretedFirstEpoch"/>: recording the class tapes) and
/// compiled (<see cref="CompiledFirstEpoch"/>: recording, then compiling the model's steps for the widest vector and each
/// class's loss steps, then the epoch).
/// </summary>
/// <remarks>Every operation compiles anew: new methods, jitted anew. BenchmarkDotNet derives from benchmark classes, so they cannot be sealed.</remarks>
[MemoryDiagnoser]
public class CompileBenchmarks : IDisposable
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

    [Benchmark]
    public EpochReport InterpretedFirstEpoch() => FirstEpoch(TapeReplay.Interpreted);

    [Benchmark]
    public EpochReport CompiledFirstEpoch() => FirstEpoch(TapeReplay.Compiled);

    [GlobalCleanup]
    public void Dispose()
    {
        _workload.Dispose();
        GC.SuppressFinalize(this);
    }

    private EpochReport FirstEpoch(TapeReplay replay)
    {
        using var engine = new TapeEngine(replay);
        return new TapeTrainer(_workload.Settings.CreateNetwork(), _workload.Data, _workload.Settings.LearningRate, engine).TrainEpoch();
    }
}
