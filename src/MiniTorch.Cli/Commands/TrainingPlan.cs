namespace MiniTorch.Cli.Commands;

/// <summary>
/// One network that <c>minitorch train</c> trains: its points, width, rate, epochs and seed, and the settings its
/// model file records.
/// </summary>
/// <param name="Data">The training points; <see cref="Dataset.Name"/> names the run in titles and messages.</param>
/// <param name="Hidden">H, the hidden width.</param>
/// <param name="LearningRate">η.</param>
/// <param name="Epochs">The number of epochs.</param>
/// <param name="Seed">The seed of the initial parameters (and of the points of a built-in dataset).</param>
/// <param name="Recorded">
/// The settings of a built-in dataset, which <c>model.json</c> records; <see langword="null"/> for points from a file,
/// which a model file cannot name, so such a run writes no model file.
/// </param>
internal sealed record TrainingPlan(Dataset Data, int Hidden, double LearningRate, int Epochs, ulong Seed, TrainingSettings? Recorded)
{
    /// <summary>The plan for a built-in dataset: its points drawn with the seed.</summary>
    /// <param name="settings">The run's settings.</param>
    /// <returns>The plan.</returns>
    public static TrainingPlan Of(TrainingSettings settings) =>
        new(settings.CreateDataset(), settings.Hidden, settings.LearningRate, settings.Epochs, settings.Seed, settings);

    /// <summary>The network the run starts from, as <see cref="TrainingSettings.CreateNetwork(int, ulong)"/> draws it.</summary>
    /// <returns>A new network.</returns>
    public Network CreateNetwork() => TrainingSettings.CreateNetwork(Hidden, Seed);
}
