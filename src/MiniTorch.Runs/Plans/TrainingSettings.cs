namespace MiniTorch.Runs;

/// <summary>
/// Everything that determines a training run on a built-in dataset: the dataset and its size, the network, the
/// learning rate, the number of epochs and the seed, and the settings beyond MiniTorch's (the network's shape, the batch
/// size, L2 regularisation, noise and a test split), which default to MiniTorch's. Two runs with equal settings give
/// the same numbers, bit for bit.
/// </summary>
/// <remarks>
/// The constructor takes MiniTorch's settings; the others are set with an initialiser, for example
/// <c>new TrainingSettings("xor", 50, 10, 0.5, 500, 1) { Shape = new([16, 8], "tanh"), BatchSize = 10 }</c>.
/// </remarks>
public sealed record TrainingSettings
{
    private readonly NetworkShape _shape;
    private readonly int? _batchSize;
    private readonly double _l2;
    private readonly double _noise;
    private readonly double _testShare;
    private readonly int _epochs;

    /// <summary>Checks and stores MiniTorch's settings; the others keep MiniTorch's values.</summary>
    /// <param name="dataset">A dataset name, any case (see <see cref="Datasets.Names"/>); stored as spelled there.</param>
    /// <param name="points">N, the number of points, at least 1.</param>
    /// <param name="hidden">H, the width of MiniTorch's two hidden layers, at least 1.</param>
    /// <param name="learningRate">η, a positive finite number.</param>
    /// <param name="epochs">The number of epochs, at least 1.</param>
    /// <param name="seed">The seed of the points, of the initial parameters and of every other random choice of the run.</param>
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
        _shape = NetworkShape.MiniTorch(hidden);
        LearningRate = learningRate;
        _epochs = epochs;
        Seed = seed;
    }

    /// <summary>The dataset's name, as spelled in <see cref="Datasets.Names"/>.</summary>
    public string Dataset { get; }

    /// <summary>N, the number of points, test points included.</summary>
    public int Points { get; }

    /// <summary>H, the width of the first hidden layer (of both, in MiniTorch's network).</summary>
    public int Hidden => _shape.Widths[0];

    /// <summary>The network's hidden layers and activation; MiniTorch's two layers of width H with relu unless set.</summary>
    public NetworkShape Shape
    {
        get => _shape;
        init => _shape = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// B, the points per step (see <see cref="Runs.Batches"/>); <see langword="null"/> (MiniTorch's step) for one step per
    /// epoch over every training point, as is any B from the number of training points up.
    /// </summary>
    public int? BatchSize
    {
        get => _batchSize;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value ?? 1, 1, nameof(value));
            _batchSize = value;
        }
    }

    /// <summary>
    /// λ, the L2 regularisation: each step moves every weight (not the biases) by −η · λ · w besides its gradient, as the
    /// gradient of (λ/2) Σ w² would; 0 (MiniTorch's) unless set. The logged loss does not include the penalty.
    /// </summary>
    public double L2
    {
        get => _l2;
        init
        {
            ThrowIfInvalidL2(value);
            _l2 = value;
        }
    }

    /// <summary>The points' noise, 0 to 0.5 (<see cref="NoisyPoints"/>); 0 (MiniTorch's points) unless set.</summary>
    public double Noise
    {
        get => _noise;
        init
        {
            NoisyPoints.ThrowIfInvalid(value);
            _noise = value;
        }
    }

    /// <summary>The share of the points held out for testing, 0 to 0.9 (<see cref="TestSplit"/>); 0 unless set.</summary>
    public double TestShare
    {
        get => _testShare;
        init
        {
            TestSplit.ThrowIfInvalid(value);
            _testShare = value;
        }
    }

    /// <summary>η, the learning rate.</summary>
    public double LearningRate { get; }

    /// <summary>The number of epochs, at least 1; set with an initialiser for the same run to another epoch.</summary>
    public int Epochs
    {
        get => _epochs;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _epochs = value;
        }
    }

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

    /// <summary>
    /// True when every setting beyond MiniTorch's has MiniTorch's value: its network, one step per epoch, no L2, no
    /// noise and no test points. Such a run is MiniTorch's Task 1.5 bit for bit, and its model file is the one this
    /// library always wrote.
    /// </summary>
    public bool IsMiniTorch => _shape.IsMiniTorch && (_batchSize is null || _batchSize >= TrainingPoints) && _l2 == 0 && _noise == 0 && TestPoints == 0;

    /// <summary>How many of the points are held out for testing: ⌊share · N⌋.</summary>
    public int TestPoints => (int)Math.Floor(_testShare * Points);

    /// <summary>How many of the points train: N minus the test points.</summary>
    public int TrainingPoints => Points - TestPoints;

    /// <summary>
    /// Draws the points: <see cref="Datasets.Create"/> with the seed itself, then the noise if any
    /// (<see cref="NoisyPoints"/>); the test points are among them (<see cref="CreateSplit"/>).
    /// </summary>
    /// <returns>N labelled points.</returns>
    public Dataset CreateDataset() => NoisyPoints.Add(Datasets.Create(Dataset, Points, Seed), _noise, Seed);

    /// <summary>Draws the points and holds out the test points (<see cref="TestSplit"/>).</summary>
    /// <returns>The training points and the test points, or <see langword="null"/> when there are none.</returns>
    public (Dataset Train, Dataset? Test) CreateSplit() => TestSplit.Of(CreateDataset(), _testShare, Seed);

    /// <summary>Throws unless λ is a finite number of at least 0.</summary>
    /// <param name="l2">λ.</param>
    /// <exception cref="ArgumentOutOfRangeException">It is not.</exception>
    public static void ThrowIfInvalidL2(double l2)
    {
        if (!(l2 >= 0 && double.IsFinite(l2)))
        {
            throw new ArgumentOutOfRangeException(nameof(l2), l2, "The L2 regularisation must be a finite number of at least 0.");
        }
    }

    /// <summary>
    /// Creates the network with its initial parameters, drawn from <see cref="SplitMix64"/> seeded with
    /// <see cref="SplitMix64.Mix"/>(seed): a stream unrelated to the points' (the same seed would repeat their numbers).
    /// </summary>
    /// <returns>A new network of the settings' shape.</returns>
    public Module<Scalar[], Scalar> CreateNetwork() => CreateNetwork(_shape, Seed);

    /// <summary>
    /// Creates the network a run of width <paramref name="hidden"/> and seed <paramref name="seed"/> starts from, as
    /// <see cref="CreateNetwork()"/> does; for training on points that are not one of <see cref="Datasets.Names"/>,
    /// such as a <see cref="PointsCsv"/> file, with the same initial parameters.
    /// </summary>
    /// <param name="hidden">H, the hidden width, at least 1.</param>
    /// <param name="seed">The run's seed.</param>
    /// <returns>A new network of width H.</returns>
    public static Network CreateNetwork(int hidden, ulong seed) => new(hidden, NetworkRandom(seed));

    /// <summary>
    /// Creates the network a run of shape <paramref name="shape"/> and seed <paramref name="seed"/> starts from, drawn
    /// as <see cref="CreateNetwork(int, ulong)"/> draws MiniTorch's.
    /// </summary>
    /// <param name="shape">The network's shape.</param>
    /// <param name="seed">The run's seed.</param>
    /// <returns>A new <see cref="Network"/> for MiniTorch's shape, else a <see cref="LayeredNetwork"/>.</returns>
    public static Module<Scalar[], Scalar> CreateNetwork(NetworkShape shape, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return shape.Create(NetworkRandom(seed));
    }

    private static SplitMix64 NetworkRandom(ulong seed) => new(SplitMix64.Mix(seed));
}
