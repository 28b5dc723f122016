namespace MiniTorch.Runs;

/// <summary>
/// Everything that determines a training run: the dataset and its size, the network's width, the learning rate,
/// the number of epochs and the seed. Two runs with equal settings give the same numbers, bit for bit.
/// </summary>
public sealed record TrainingSettings
{
    /// <summary>Checks and stores the settings.</summary>
    /// <param name="dataset">A dataset name, any case (see <see cref="Datasets.Names"/>); stored as spelled there.</param>
    /// <param name="points">N, the number of training points, at least 1.</param>
    /// <param name="hidden">H, the network's hidden width, at least 1.</param>
    /// <param name="learningRate">η, a positive finite number.</param>
    /// <param name="epochs">The number of epochs, at least 1.</param>
    /// <param name="seed">The seed of the points and of the initial parameters.</param>
    /// <exception cref="ArgumentException">The dataset is unknown; the message lists the valid names.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A number is out of its range.</exception>
    public TrainingSettings(string dataset, int points, int hidden, double learningRate, int epochs, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(hidden, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        Sgd.ThrowIfInvalidLearningRate(learningRate);
        Dataset = Datasets.CanonicalName(dataset);
        Points = points;
        Hidden = hidden;
        LearningRate = learningRate;
        Epochs = epochs;
        Seed = seed;
    }

    /// <summary>The dataset's name, as spelled in <see cref="Datasets.Names"/>.</summary>
    public string Dataset { get; }

    /// <summary>N, the number of training points.</summary>
    public int Points { get; }

    /// <summary>H, the hidden width.</summary>
    public int Hidden { get; }

    /// <summary>η, the learning rate.</summary>
    public double LearningRate { get; }

    /// <summary>The number of epochs.</summary>
    public int Epochs { get; }

    /// <summary>The seed.</summary>
    public ulong Seed { get; }

    /// <summary>
    /// What a run uses for every setting not given, in the command and the sandbox alike: MiniTorch's recommended Xor
    /// run (50 points, hidden 10, learning rate 0.5, 500 epochs) with seed 1.
    /// </summary>
    public static TrainingSettings Default { get; } = Recommended("xor");

    /// <summary>
    /// MiniTorch's recommended settings: 50 points, learning rate 0.5, 500 epochs, H = 2 for Simple and H = 10 for the
    /// other datasets.
    /// </summary>
    /// <param name="dataset">A dataset name, any case.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The settings.</returns>
    public static TrainingSettings Recommended(string dataset, ulong seed = 1) =>
        new(dataset, 50, RecommendedHidden(dataset), 0.5, 500, seed);

    /// <summary>The recommended hidden width: 2 for Simple, 10 for the other datasets.</summary>
    /// <param name="dataset">A dataset name, any case.</param>
    /// <returns>2 or 10.</returns>
    public static int RecommendedHidden(string dataset) => Datasets.CanonicalName(dataset) == "Simple" ? 2 : 10;

    /// <summary>Draws the training points: <see cref="Datasets.Create"/> with the seed itself.</summary>
    /// <returns>N labelled points.</returns>
    public Dataset CreateDataset() => Datasets.Create(Dataset, Points, Seed);

    /// <summary>
    /// Creates the network with its initial parameters, drawn from <see cref="SplitMix64"/> seeded with
    /// <see cref="SplitMix64.Mix"/>(seed): a stream unrelated to the points' (the same seed would repeat their numbers).
    /// </summary>
    /// <returns>A new network of width H.</returns>
    public Network CreateNetwork() => CreateNetwork(Hidden, Seed);

    /// <summary>
    /// Creates the network a run of width <paramref name="hidden"/> and seed <paramref name="seed"/> starts from, as
    /// <see cref="CreateNetwork()"/> does; for training on points that are not one of <see cref="Datasets.Names"/>,
    /// such as a <see cref="PointsCsv"/> file, with the same initial parameters.
    /// </summary>
    /// <param name="hidden">H, the hidden width, at least 1.</param>
    /// <param name="seed">The run's seed.</param>
    /// <returns>A new network of width H.</returns>
    public static Network CreateNetwork(int hidden, ulong seed) => new(hidden, new SplitMix64(SplitMix64.Mix(seed)));
}
