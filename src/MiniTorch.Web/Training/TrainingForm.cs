using MiniTorch.Runs;

namespace MiniTorch.Web.Training;

/// <summary>
/// What the Training page's settings offer, from the one place each is decided: the datasets and engines, every
/// setting's default (<see cref="TrainingSettings.Default"/>, <see cref="TrainingEngines.Default"/>, as
/// <c>minitorch train</c> uses them) and the sandbox's ranges (<see cref="TrainingRequest"/>). The page asks for it
/// rather than repeating it.
/// </summary>
/// <param name="Datasets">The built-in datasets' names, lower case, in MiniTorch's order; then <see cref="TrainingRequest.OwnPoints"/>.</param>
/// <param name="Engines">The engines the page offers, the default first.</param>
/// <param name="Defaults">Each setting's value when none is given.</param>
/// <param name="Ranges">Each number's smallest and largest value, by setting name.</param>
internal sealed record TrainingForm(string[] Datasets, string[] Engines, TrainingDefaults Defaults, Dictionary<string, NumberRange> Ranges)
{
    /// <summary>The form, the same for every page.</summary>
    public static TrainingForm Current { get; } = Create();

    private static TrainingForm Create()
    {
        var settings = TrainingSettings.Default;
        return new TrainingForm(
            [.. MiniTorch.Datasets.Names.Select(name => name.ToLowerInvariant()), TrainingRequest.OwnPoints],
            [.. TrainingRequest.Engines],
            new TrainingDefaults(settings.Dataset.ToLowerInvariant(), settings.Points, settings.Hidden, settings.LearningRate, settings.Epochs, settings.Seed, TrainingEngines.Default),
            new Dictionary<string, NumberRange>(StringComparer.Ordinal)
            {
                ["points"] = new(TrainingRequest.MinPoints, TrainingRequest.MaxPoints),
                ["hidden"] = new(1, TrainingRequest.MaxHidden),
                ["rate"] = new(TrainingRequest.MinRate, TrainingRequest.MaxRate),
                ["epochs"] = new(1, TrainingRequest.MaxEpochs),
                ["seed"] = new(0, ulong.MaxValue),
            });
    }
}

/// <summary>Each setting's value when none is given.</summary>
/// <param name="Dataset">The dataset's name, lower case.</param>
/// <param name="Points">N.</param>
/// <param name="Hidden">H.</param>
/// <param name="Rate">η.</param>
/// <param name="Epochs">The number of epochs.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Engine">The engine's name.</param>
internal sealed record TrainingDefaults(string Dataset, int Points, int Hidden, double Rate, int Epochs, ulong Seed, string Engine);

/// <summary>The smallest and largest value a number may take.</summary>
/// <param name="Min">The smallest.</param>
/// <param name="Max">The largest.</param>
internal sealed record NumberRange(double Min, double Max);
