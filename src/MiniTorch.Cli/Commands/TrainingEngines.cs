namespace MiniTorch.Cli.Commands;

/// <summary>The training engines <c>--engine</c> can choose: <c>graph</c> (<see cref="ScalarEngine"/>) and <c>tape</c> (<see cref="TapeEngine"/>).</summary>
/// <remarks>Both give the same numbers bit for bit; the tape is the default because it is faster.</remarks>
internal static class TrainingEngines
{
    /// <summary>The reference engine: a Scalar graph per point.</summary>
    public const string Graph = "graph";

    /// <summary>The recorded tape, replayed per point.</summary>
    public const string Tape = "tape";

    /// <summary>The engine used when <c>--engine</c> is not given.</summary>
    public const string Default = Tape;

    /// <summary>Checks an engine name.</summary>
    /// <param name="name">The name given, any case.</param>
    /// <returns><see cref="Graph"/> or <see cref="Tape"/>.</returns>
    /// <exception cref="UsageException">The name is neither.</exception>
    public static string Check(string name) =>
        string.Equals(name, Graph, StringComparison.OrdinalIgnoreCase) ? Graph
        : string.Equals(name, Tape, StringComparison.OrdinalIgnoreCase) ? Tape
        : throw new UsageException($"unknown engine '{name}'; valid engines: {Graph}, {Tape}");

    /// <summary>Creates a fresh engine for one training run (a tape engine keeps the tapes of its model).</summary>
    /// <param name="name">A name returned by <see cref="Check"/>.</param>
    /// <returns>The engine.</returns>
    public static ITrainingEngine Create(string name) => name == Graph ? new ScalarEngine() : new TapeEngine();
}
