using System.Text.Json;

namespace MiniTorch.Runs;

/// <summary>
/// Saves and loads trained networks as JSON. A file holds the format version, the architecture (hidden width), the
/// hyperparameters, the seed, the dataset, every parameter by dotted name, and the final metrics:
/// <code>
/// { "formatVersion": 1,
///   "architecture": { "type": "Network", "hidden": 2 },
///   "hyperparameters": { "learningRate": 0.5, "epochs": 500 },
///   "seed": 1,
///   "dataset": { "name": "Simple", "points": 50 },
///   "parameters": { "layer1.weight_0_0": 0.25, …, "layer3.bias_0": -1.5 },
///   "metrics": { "totalLoss": 3.1, "correct": 49 } }
/// </code>
/// A run stopped early adds <c>"interrupted": true, "completedEpochs": 37</c> after the metrics.
/// Numbers are written in their shortest round-trip form, so every double reads back bit for bit.
/// </summary>
/// <remarks>
/// A run with settings beyond MiniTorch's says so, and only then, so that MiniTorch's runs keep the file above byte for
/// byte: a network of another shape is <c>"architecture": { "type": "LayeredNetwork", "hidden": [16, 8],
/// "activation": "tanh" }</c>; a batch size and L2 add <c>"batchSize"</c> and <c>"l2"</c> to the hyperparameters; noise
/// and a test split add <c>"noise"</c> and <c>"testShare"</c> to the dataset; and test points add
/// <c>"testLoss"</c> and <c>"testCorrect"</c> to the metrics.
/// </remarks>
public static partial class ModelFile
{
    /// <summary>The format version this library writes and reads.</summary>
    public const int FormatVersion = 1;

    /// <summary>Writes <paramref name="model"/> to <paramref name="path"/> atomically (see <see cref="AtomicFile"/>).</summary>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="model">The trained model.</param>
    /// <exception cref="ArgumentException">A parameter or the final loss is NaN or infinite, the loss is below <see cref="LowestTotalLoss"/>, or the widths disagree.</exception>
    /// <exception cref="IOException">The file could not be written.</exception>
    public static void Save(string path, TrainedModel model) => AtomicFile.WriteAllBytes(path, ToUtf8(model));

    /// <summary>
    /// The largest model file read, in bytes: 64 MiB. A network of hidden width 1000 (1,005,001 parameters, the widest
    /// that <c>minitorch train</c> makes) needs about 55 MB even when every number takes its longest form.
    /// </summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    /// <summary>
    /// Reads a model file. Only a regular file is opened (a named pipe, device or directory is refused before opening,
    /// so nothing blocks), of at most <see cref="MaxBytes"/> bytes, in UTF-8 (a leading byte order mark is skipped),
    /// holding JSON in which no object repeats a name and every field is in its range.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <returns>The network with its parameters, the settings and the metrics.</returns>
    /// <exception cref="InvalidDataException">
    /// The path does not name a regular file, or the file is too large, malformed or does not describe a network;
    /// the message is one line naming the file and the problem.
    /// </exception>
    /// <exception cref="IOException">The file could not be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static TrainedModel Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            return FromUtf8(ReadBounded(path));
        }
        catch (InvalidDataException problem)
        {
            throw new InvalidDataException($"{path} is not a usable model file: {problem.Message}", problem);
        }
    }

    /// <summary>The JSON text of <paramref name="model"/>, indented, with \n line ends.</summary>
    /// <param name="model">The trained model.</param>
    /// <returns>The file's contents.</returns>
    /// <exception cref="ArgumentException">A parameter or the final loss is NaN or infinite, the loss is below <see cref="LowestTotalLoss"/>, or the widths disagree.</exception>
    public static string ToJson(TrainedModel model) => System.Text.Encoding.UTF8.GetString(ToUtf8(model));

    /// <summary>Reads a model from JSON text.</summary>
    /// <param name="json">The file's contents.</param>
    /// <returns>The network with its parameters, the settings and the metrics.</returns>
    /// <exception cref="InvalidDataException">
    /// The text is malformed or does not describe a network (the rules of <see cref="Load"/>); the message names the problem.
    /// </exception>
    public static TrainedModel FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return FromUtf8(System.Text.Encoding.UTF8.GetBytes(json));
    }

    private static byte[] ToUtf8(TrainedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var settings = model.Settings;
        var shape = NetworkShape.Of(model.Network);
        if (shape != settings.Shape)
        {
            throw new ArgumentException($"The network's shape ({Describe(shape)}) differs from the settings' ({Describe(settings.Shape)}).", nameof(model));
        }

        RequireLoss(model.FinalLoss, settings.TrainingPoints, "the final loss");
        if (model.FinalTest is { } test)
        {
            RequireLoss(test.TotalLoss, settings.TestPoints, "the test loss");
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            json.WriteStartObject();
            json.WriteNumber("formatVersion", FormatVersion);
            WriteArchitecture(json, shape);
            json.WriteStartObject("hyperparameters");
            json.WriteNumber("learningRate", settings.LearningRate);
            json.WriteNumber("epochs", settings.Epochs);
            if (settings.BatchSize is { } batchSize)
            {
                json.WriteNumber("batchSize", batchSize);
            }

            if (settings.L2 != 0)
            {
                json.WriteNumber("l2", settings.L2);
            }

            json.WriteEndObject();
            json.WriteNumber("seed", settings.Seed);
            json.WriteStartObject("dataset");
            json.WriteString("name", settings.Dataset);
            json.WriteNumber("points", settings.Points);
            if (settings.Noise != 0)
            {
                json.WriteNumber("noise", settings.Noise);
            }

            if (settings.TestShare != 0)
            {
                json.WriteNumber("testShare", settings.TestShare);
            }

            json.WriteEndObject();
            json.WriteStartObject("parameters");
            foreach (var (name, parameter) in model.Network.NamedParameters())
            {
                RequireFinite(parameter.Value.Data, $"parameter '{name}'");
                json.WriteNumber(name, parameter.Value.Data);
            }

            json.WriteEndObject();
            json.WriteStartObject("metrics");
            json.WriteNumber("totalLoss", model.FinalLoss);
            json.WriteNumber("correct", model.FinalCorrect);
            if (model.FinalTest is { } finalTest)
            {
                json.WriteNumber("testLoss", finalTest.TotalLoss);
                json.WriteNumber("testCorrect", finalTest.Correct);
            }

            json.WriteEndObject();
            if (model.CompletedEpochs is { } completed)
            {
                json.WriteBoolean("interrupted", true);
                json.WriteNumber("completedEpochs", completed);
            }

            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>
    /// The smallest total loss that <paramref name="points"/> points can have: each point's loss is −ln(prob + ε) with
    /// prob ≤ 1, so it is above −ln(1 + ε) &gt; −ε (a perfectly classified point scores a hair below zero), and the sum is
    /// at least −N·ε.
    /// </summary>
    /// <param name="points">N.</param>
    /// <returns>−N · <see cref="Operators.Eps"/>, which the messages write as <c>-Ne-6</c>.</returns>
    private static double LowestTotalLoss(int points) => -points * Operators.Eps;

    // MiniTorch's network as it always was (type Network, one width); any other shape by its widths and activation.
    private static void WriteArchitecture(Utf8JsonWriter json, NetworkShape shape)
    {
        json.WriteStartObject("architecture");
        if (shape.IsMiniTorch)
        {
            json.WriteString("type", nameof(Network));
            json.WriteNumber("hidden", shape.Widths[0]);
        }
        else
        {
            json.WriteString("type", nameof(LayeredNetwork));
            json.WriteStartArray("hidden");
            foreach (var width in shape.Widths)
            {
                json.WriteNumberValue(width);
            }

            json.WriteEndArray();
            json.WriteString("activation", shape.Activation);
        }

        json.WriteEndObject();
    }

    // The shape in the words of the messages: "hidden width 10" for MiniTorch's, else "hidden widths 16,8 with tanh".
    private static string Describe(NetworkShape shape) =>
        shape.IsMiniTorch ? $"hidden width {shape.Widths[0]}" : $"hidden widths {shape.WidthsText} with {shape.Activation}";

    private static void RequireLoss(double loss, int points, string what)
    {
        RequireFinite(loss, what);
        if (loss < LowestTotalLoss(points))
        {
            throw new ArgumentException($"Cannot save {what} {loss}: the loss of {points} points is at least -{points}e-6.");
        }
    }

    private static void RequireFinite(double value, string what)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"Cannot save {what}: {value} is not a finite number, and JSON has no NaN or infinity.");
        }
    }
}
