namespace MiniTorch.Runs;

/// <summary>
/// One network to train, as the command and the sandbox plan it: the training points (and any test points), the
/// network's shape and seed, the rate, the epochs, the batch size and L2, and the engine that computes the epochs.
/// </summary>
/// <param name="Data">The training points: a built-in dataset drawn with the seed, or your own from a CSV file.</param>
/// <param name="Shape">The network's hidden layers and activation.</param>
/// <param name="LearningRate">η.</param>
/// <param name="Epochs">The number of epochs.</param>
/// <param name="Seed">The seed of the initial parameters (and of a built-in dataset's points, noise and split, and of the batches' order).</param>
/// <param name="Recorded">
/// The settings of a built-in dataset, which <c>model.json</c> records; <see langword="null"/> for points from a file,
/// which a model file cannot name, so such a run writes no model file.
/// </param>
/// <param name="Engine">The engine, a name of <see cref="TrainingEngines"/>.</param>
/// <param name="Threads">How many threads the tape engines share each epoch among, 1 to 64.</param>
public sealed record TrainingPlan(
    Dataset Data, NetworkShape Shape, double LearningRate, int Epochs, ulong Seed, TrainingSettings? Recorded, string Engine = TrainingEngines.Default, int Threads = 1)
{
    /// <summary>The points held out for testing, measured after every epoch but never trained on; <see langword="null"/> for none.</summary>
    public Dataset? Test { get; init; }

    /// <summary>B, the points per step; <see langword="null"/> for MiniTorch's one step per epoch (see <see cref="Runs.Batches"/>).</summary>
    public int? BatchSize { get; init; }

    /// <summary>λ, the L2 regularisation of the weights (see <see cref="TrainingSettings.L2"/>).</summary>
    public double L2 { get; init; }

    /// <summary>The plan of a built-in dataset: its points drawn with the seed, the test points held out.</summary>
    /// <param name="settings">The run's settings.</param>
    /// <param name="engine">The engine, a name of <see cref="TrainingEngines"/>.</param>
    /// <param name="threads">How many threads the tape engines use.</param>
    /// <returns>The plan.</returns>
    public static TrainingPlan Of(TrainingSettings settings, string engine = TrainingEngines.Default, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var (train, test) = settings.CreateSplit();
        return new(train, settings.Shape, settings.LearningRate, settings.Epochs, settings.Seed, settings, engine, threads)
        {
            Test = test,
            BatchSize = settings.BatchSize,
            L2 = settings.L2,
        };
    }

    /// <summary>The network the run starts from, as <see cref="TrainingSettings.CreateNetwork(NetworkShape, ulong)"/> draws it.</summary>
    /// <returns>A new network.</returns>
    public Module<Scalar[], Scalar> CreateNetwork() => TrainingSettings.CreateNetwork(Shape, Seed);

    /// <summary>The batches of every epoch (<see cref="Runs.Batches"/>).</summary>
    /// <returns>The training points cut into batches, in order; one batch for MiniTorch's step.</returns>
    public IReadOnlyList<Dataset> Batches() => Runs.Batches.Of(Data, BatchSize, Seed);
}
