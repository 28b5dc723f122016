namespace MiniTorch.Web.Training;

/// <summary>
/// A checked training request, as <c>minitorch train</c> plans a run: the points, the network's width and seed, the
/// rate, the epochs, and the engine, named as <c>minitorch train --engine</c> names them.
/// </summary>
/// <param name="Data">The training points: a built-in dataset drawn with the seed, or your own from a CSV.</param>
/// <param name="Hidden">H, the hidden width.</param>
/// <param name="LearningRate">η.</param>
/// <param name="Epochs">The number of epochs.</param>
/// <param name="Seed">The seed of the initial parameters (and of a built-in dataset's points).</param>
/// <param name="Recorded">
/// The settings of a built-in dataset, which <c>model.json</c> records; null for your own points, which a model file
/// cannot name (so, as with <c>minitorch train --data</c>, there is no model file).
/// </param>
/// <param name="Engine"><see cref="Tape"/> or <see cref="Graph"/>.</param>
internal sealed record TrainingSetup(Dataset Data, int Hidden, double LearningRate, int Epochs, ulong Seed, TrainingSettings? Recorded, string Engine)
{
    /// <summary>The recorded tape (<see cref="TapeEngine"/>), the default.</summary>
    public const string Tape = "tape";

    /// <summary>A Scalar graph per point (<see cref="ScalarEngine"/>); the same numbers.</summary>
    public const string Graph = "graph";

    /// <summary>The setup of a built-in dataset, exactly as <c>minitorch train</c> builds it from the same options.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="engine">The engine's name.</param>
    /// <returns>The setup.</returns>
    public static TrainingSetup Of(TrainingSettings settings, string engine) =>
        new(settings.CreateDataset(), settings.Hidden, settings.LearningRate, settings.Epochs, settings.Seed, settings, engine);

    /// <summary>The network the run starts from, as <see cref="TrainingSettings.CreateNetwork(int, ulong)"/> draws it.</summary>
    /// <returns>A new network.</returns>
    public Network CreateNetwork() => TrainingSettings.CreateNetwork(Hidden, Seed);

    /// <summary>A fresh engine for one training run, as <c>minitorch train</c> creates it for one thread.</summary>
    /// <returns>The engine.</returns>
    public ITrainingEngine CreateEngine() => Engine == Graph ? new ScalarEngine() : new TapeEngine();
}
