using MiniTorch.Runs;

namespace MiniTorch.Web.Training;

/// <summary>
/// What the Training page's settings offer, from the one place each is decided: the datasets, activations, engines and
/// paces, every setting's default (<see cref="TrainingSettings.Default"/>, <see cref="TrainingEngines.Default"/>, as
/// <c>minitorch train</c> uses them) and the sandbox's ranges (<see cref="TrainingRequest"/>). The page asks for it
/// rather than repeating it.
/// </summary>
/// <param name="Datasets">The built-in datasets' names, lower case, in MiniTorch's order; then <see cref="TrainingRequest.OwnPoints"/>.</param>
/// <param name="Activations">The hidden layers' activations, MiniTorch's first.</param>
/// <param name="Engines">The engines the page offers, the default first.</param>
/// <param name="Paces">The paces, slowest first.</param>
/// <param name="Defaults">Each setting's value when none is given.</param>
/// <param name="Ranges">Each number's smallest and largest value, by setting name.</param>
/// <param name="MaxLayers">The most hidden layers.</param>
/// <param name="MaxParameters">The most parameters a network of the page may have.</param>
internal sealed record TrainingForm(
    string[] Datasets, string[] Activations, string[] Engines, string[] Paces, TrainingDefaults Defaults, Dictionary<string, NumberRange> Ranges, int MaxLayers, long MaxParameters)
{
    /// <summary>The form, the same for every page.</summary>
    public static TrainingForm Current { get; } = Create();

    private static TrainingForm Create()
    {
        var settings = TrainingSettings.Default;
        return new TrainingForm(
            [.. MiniTorch.Datasets.Names.Select(name => name.ToLowerInvariant()), TrainingRequest.OwnPoints],
            [.. NetworkShape.Activations],
            [.. TrainingRequest.Engines],
            [.. TrainingPace.Names],
            new TrainingDefaults(
                settings.Dataset.ToLowerInvariant(), settings.Points, [.. settings.Shape.Widths], settings.Shape.Activation, settings.LearningRate, settings.Epochs,
                settings.Seed, TrainingEngines.Default, settings.L2, settings.Noise, settings.TestShare, TrainingPace.Normal),
            new Dictionary<string, NumberRange>(StringComparer.Ordinal)
            {
                ["points"] = new(TrainingRequest.MinPoints, TrainingRequest.MaxPoints),
                ["hidden"] = new(1, TrainingRequest.MaxHidden),
                ["rate"] = new(TrainingRequest.MinRate, TrainingRequest.MaxRate),
                ["epochs"] = new(1, TrainingRequest.MaxEpochs),
                ["seed"] = new(0, ulong.MaxValue),
                ["batch"] = new(1, TrainingRequest.MaxPoints),
                ["l2"] = new(0, TrainingRequest.MaxL2),
                ["noise"] = new(0, NoisyPoints.MaxNoise),
                ["test"] = new(0, TestSplit.MaxShare),
            },
            NetworkShape.MaxLayers,
            TrainingRequest.MaxParameters);
    }
}

/// <summary>Each setting's value when none is given.</summary>
/// <param name="Dataset">The dataset's name, lower case.</param>
/// <param name="Points">N.</param>
/// <param name="Widths">The hidden layers' widths.</param>
/// <param name="Activation">The hidden layers' activation.</param>
/// <param name="Rate">η.</param>
/// <param name="Epochs">The number of epochs.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Engine">The engine's name.</param>
/// <param name="L2">λ.</param>
/// <param name="Noise">The points' noise.</param>
/// <param name="Test">The share of test points.</param>
/// <param name="Pace">The page's pace (the API's is max when not given).</param>
internal sealed record TrainingDefaults(
    string Dataset, int Points, int[] Widths, string Activation, double Rate, int Epochs, ulong Seed, string Engine, double L2, double Noise, double Test, string Pace);

/// <summary>The smallest and largest value a number may take.</summary>
/// <param name="Min">The smallest.</param>
/// <param name="Max">The largest.</param>
internal sealed record NumberRange(double Min, double Max);
