namespace MiniTorch.Runs;

/// <summary>
/// The training engine of the course: <c>graph</c> (<see cref="ScalarEngine"/>), a Scalar graph per point and your
/// <c>Backward</c>. The library's faster tape engines are not part of the course, so nothing you did not write can
/// hide a mistake in what you did.
/// </summary>
public static class TrainingEngines
{
    /// <summary>The reference engine: a Scalar graph per point.</summary>
    public const string Graph = "graph";

    /// <summary>The engine used when none is chosen.</summary>
    public const string Default = Graph;

    /// <summary>Every engine's name: the course has one.</summary>
    public static IReadOnlyList<string> Names { get; } = [Graph];

    /// <summary>Creates the engine for one training run.</summary>
    /// <param name="name"><see cref="Graph"/>.</param>
    /// <param name="threads">1.</param>
    /// <returns>A new <see cref="ScalarEngine"/>.</returns>
    public static ITrainingEngine Create(string name, int threads) => new ScalarEngine();
}
