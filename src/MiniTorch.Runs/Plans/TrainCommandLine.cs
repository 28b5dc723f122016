using System.Globalization;

namespace MiniTorch.Runs;

/// <summary>
/// The <c>minitorch train</c> command that repeats a run: every setting that differs from the command's default, so
/// that the sandbox can show how to get the same numbers from the command line. <c>--epochs</c> comes last, so that a
/// run that went on past its epochs can be shown with the epochs it reached.
/// </summary>
public static class TrainCommandLine
{
    /// <summary>The command of a run on a built-in dataset.</summary>
    /// <param name="settings">The run's settings.</param>
    /// <param name="engine">The engine's name, given when it is not <see cref="TrainingEngines.Default"/> (the numbers are the same).</param>
    /// <returns>For example <c>minitorch train --dataset circle --hidden 16,8 --activation tanh</c>.</returns>
    public static string Of(TrainingSettings settings, string engine = TrainingEngines.Default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var defaults = TrainingSettings.Default;
        var words = new List<string> { "minitorch", "train" };
        Add(words, "--dataset", settings.Dataset.ToLowerInvariant(), defaults.Dataset.ToLowerInvariant());
        Add(words, "--points", Text(settings.Points), Text(defaults.Points));
        AddCommon(words, settings.Shape, settings.LearningRate, settings.BatchSize, settings.L2, settings.Seed, engine);
        Add(words, "--noise", Text(settings.Noise), Text(0.0));
        Add(words, "--test", Text(settings.TestShare), Text(0.0));
        Add(words, "--epochs", Text(settings.Epochs), Text(defaults.Epochs));
        return string.Join(' ', words);
    }

    /// <summary>The command of a run on your own points, read from <paramref name="file"/>.</summary>
    /// <param name="file">The points file's name as the command would be given it, for example <c>points.csv</c>.</param>
    /// <param name="shape">The network's shape.</param>
    /// <param name="learningRate">η.</param>
    /// <param name="batchSize">B, or <see langword="null"/>.</param>
    /// <param name="l2">λ.</param>
    /// <param name="epochs">The epochs.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="testShare">The share of the points held out for testing.</param>
    /// <param name="engine">The engine's name.</param>
    /// <returns>For example <c>minitorch train --data points.csv --hidden 4</c>.</returns>
    public static string OfPoints(
        string file, NetworkShape shape, double learningRate, int? batchSize, double l2, int epochs, ulong seed, double testShare, string engine = TrainingEngines.Default)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var words = new List<string> { "minitorch", "train", "--data", file };
        AddCommon(words, shape, learningRate, batchSize, l2, seed, engine);
        Add(words, "--test", Text(testShare), Text(0.0));
        Add(words, "--epochs", Text(epochs), Text(TrainingSettings.Default.Epochs));
        return string.Join(' ', words);
    }

    private static void AddCommon(List<string> words, NetworkShape shape, double learningRate, int? batchSize, double l2, ulong seed, string engine)
    {
        var defaults = TrainingSettings.Default;
        var uniform = shape.Widths.All(width => width == shape.Widths[0]);
        Add(words, "--hidden", uniform ? Text(shape.Widths[0]) : shape.WidthsText, Text(defaults.Hidden));
        Add(words, "--layers", uniform ? Text(shape.Widths.Count) : "2", "2");
        Add(words, "--activation", shape.Activation, NetworkShape.Relu);
        Add(words, "--rate", Text(learningRate), Text(defaults.LearningRate));
        Add(words, "--batch", batchSize is { } batch ? Text(batch) : string.Empty, string.Empty);
        Add(words, "--l2", Text(l2), Text(0.0));
        Add(words, "--seed", seed.ToString(CultureInfo.InvariantCulture), defaults.Seed.ToString(CultureInfo.InvariantCulture));
        Add(words, "--engine", engine, TrainingEngines.Default);
    }

    private static void Add(List<string> words, string option, string value, string defaultValue)
    {
        if (value != defaultValue)
        {
            words.Add(option);
            words.Add(value);
        }
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
