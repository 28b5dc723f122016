namespace MiniTorch.Web.Training;

/// <summary>A checked training request: the library's settings and the engine, named as <c>minitorch train --engine</c> names them.</summary>
/// <param name="Settings">The settings, exactly as <c>minitorch train</c> would build them from the same options.</param>
/// <param name="Engine"><see cref="Tape"/> or <see cref="Graph"/>.</param>
internal sealed record TrainingSetup(TrainingSettings Settings, string Engine)
{
    /// <summary>The recorded tape (<see cref="TapeEngine"/>), the default.</summary>
    public const string Tape = "tape";

    /// <summary>A Scalar graph per point (<see cref="ScalarEngine"/>); the same numbers.</summary>
    public const string Graph = "graph";

    /// <summary>A fresh engine for one training run, as <c>minitorch train</c> creates it for one thread.</summary>
    /// <returns>The engine.</returns>
    public ITrainingEngine CreateEngine() => Engine == Graph ? new ScalarEngine() : new TapeEngine();
}
