namespace MiniTorch.Runs;

/// <summary>
/// One network to train, as the command and the sandbox plan it: the points, the network's width and seed, the rate,
/// the epochs, and the engine that computes the epochs.
/// </summary>
/// <param name="Data">The training points: a built-in dataset drawn with the seed, or your own from a CSV file.</param>
/// <param name="Hidden">H, the hidden width.</param>
/// <param name="LearningRate">η.</param>
/// <param name="Epochs">The number of epochs.</param>
/// <param name="Seed">The seed of the initial parameters (and of a built-in dataset's points).</param>
/// <param name="Recorded">
/// The settings of a built-in dataset, which <c>model.json</c> records; <see langword="null"/> for points from a file,
/// which a model file cannot name, so such a run writes no model file.
/// </param>
/// <param name="Engine">The engine, a name of <see cref="TrainingEngines"/>.</param>
/// <param name="Threads">How many threads the tape engines share each epoch among, 1 to 64.</param>
public sealed record TrainingPlan(
    Dataset Data, int Hidden, double LearningRate, int Epochs, ulong Seed, TrainingSettings? Recorded, string Engine = TrainingEngines.Default, int Threads = 1)
{
    /// <summary>The plan of a built-in dataset: its points drawn with the seed.</summary>
    /// <param name="settings">The run's settings.</param>
    /// <param name="engine">The engine, a name of <see cref="TrainingEngines"/>.</param>
    /// <param name="threads">How many threads the tape engines use.</param>
    /// <returns>The plan.</returns>
    public static TrainingPlan Of(TrainingSettings settings, string engine = TrainingEngines.Default, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(settings.CreateDataset(), settings.Hidden, settings.LearningRate, settings.Epochs, settings.Seed, settings, engine, threads);
    }

    /// <summary>The network the run starts from, as <see cref="TrainingSettings.CreateNetwork(int, ulong)"/> draws it.</summary>
    /// <returns>A new network.</returns>
    public Network CreateNetwork() => TrainingSettings.CreateNetwork(Hidden, Seed);
}
