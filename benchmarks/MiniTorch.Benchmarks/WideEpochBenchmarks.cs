namespace MiniTorch.Benchmarks;

/// <summary>
/// One epoch of the wide network (<see cref="StandardWorkload.Wide"/>: Xor, 150 points, hidden 200, 41,001 parameters)
/// with the tape engines' rows (<see cref="TapeEngineEpochBenchmarks"/>; compiled, the tapes run in loops over their
/// dense layers). The graph engine is left out: an epoch of it takes seconds.
/// </summary>
/// <remarks>BenchmarkDotNet derives from benchmark classes, so they cannot be sealed.</remarks>
public class WideEpochBenchmarks() : TapeEngineEpochBenchmarks(StandardWorkload.Wide());
