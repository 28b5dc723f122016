namespace MiniTorch.Cli.Commands;

/// <summary>
/// The training engine of the course: <c>graph</c> (<see cref="ScalarEngine"/>), a Scalar graph per point and your
/// <c>Backward</c>. The library's faster tape engines are not part of the course, so nothing you did not write can
/// hide a mistake in what you did.
/// </summary>
internal static class TrainingEngines
{
    /// <summary>The reference engine: a Scalar graph per point.</summary>
    public const string Graph = "graph";

    /// <summary>What <c>--engine</c> chooses, for its help.</summary>
    public const string Description = "How gradients are computed: graph (a Scalar graph per point and your Backward), the only engine of the course.";

    /// <summary>The engine used when <c>--engine</c> is not given.</summary>
    public const string Default = Graph;

    /// <summary>Checks an engine name.</summary>
    /// <param name="name">The name given, any case.</param>
    /// <param name="threads">The value of <c>--threads</c>, already checked to be 1.</param>
    /// <returns><see cref="Graph"/>.</returns>
    /// <exception cref="UsageException">The name is not <c>graph</c>.</exception>
    public static string Check(string name, int threads) =>
        string.Equals(name, Graph, StringComparison.OrdinalIgnoreCase) && threads == 1
            ? Graph
            : throw new UsageException($"unknown engine '{name}'; the course trains with --engine {Graph} only (your Scalar graphs and Backward)");

    /// <summary>Creates the engine for one training run.</summary>
    /// <param name="name">A name returned by <see cref="Check"/>.</param>
    /// <param name="threads">1.</param>
    /// <returns>A new <see cref="ScalarEngine"/>.</returns>
    public static ITrainingEngine Create(string name, int threads) => new ScalarEngine();

    /// <summary>How the trainer updates the parameters with the graph engine: a new leaf per step, as MiniTorch does.</summary>
    /// <param name="name">A name returned by <see cref="Check"/>.</param>
    /// <returns><see cref="ParameterUpdate.NewLeaf"/>.</returns>
    public static ParameterUpdate Update(string name) => ParameterUpdate.NewLeaf;
}
