using System.Text.Json;

namespace MiniTorch.Runs;

public static partial class ModelFile
{
    // Above this width the network is built only when the file has exactly the right number of parameters, so that a
    // small malformed file cannot make the reader allocate a huge network.
    private const int LargestWidthCheckedByName = 1000;

    /// <summary>Reads a model from the bytes of a file (see <see cref="Load"/> for the rules).</summary>
    /// <param name="bytes">The file's contents.</param>
    /// <returns>The network with its parameters, the settings and the metrics.</returns>
    /// <exception cref="InvalidDataException">The bytes are not a usable model file; the message names the problem.</exception>
    internal static TrainedModel FromUtf8(ReadOnlyMemory<byte> bytes)
    {
        using (var document = ParseDocument(bytes))
        {
            var root = Expect(document.RootElement, JsonValueKind.Object, "the top level");
            var version = ReadInt(root, "formatVersion", int.MinValue);
            if (version != FormatVersion)
            {
                throw new InvalidDataException($"format version {version} is not supported; this library reads version {FormatVersion}");
            }

            var architecture = Member(root, "architecture", JsonValueKind.Object);
            var type = Member(architecture, "type", JsonValueKind.String, "architecture.").GetString();
            if (type != nameof(Network))
            {
                throw new InvalidDataException($"architecture type '{Shown(type ?? string.Empty)}' is not supported; expected '{nameof(Network)}'");
            }

            var hidden = ReadInt(architecture, "hidden", 1, "architecture.");
            var hyperparameters = Member(root, "hyperparameters", JsonValueKind.Object);
            var learningRate = ReadDouble(hyperparameters, "learningRate", "hyperparameters.");
            if (!Sgd.IsValidLearningRate(learningRate))
            {
                throw new InvalidDataException($"'hyperparameters.learningRate' must be a positive finite number, but is {learningRate}");
            }

            var epochs = ReadInt(hyperparameters, "epochs", 1, "hyperparameters.");
            var seedElement = Member(root, "seed", JsonValueKind.Number);
            if (!seedElement.TryGetUInt64(out var seed))
            {
                throw new InvalidDataException($"'seed' must be an integer from 0 to {ulong.MaxValue}, but is {Shown(seedElement.GetRawText())}");
            }

            var dataset = Member(root, "dataset", JsonValueKind.Object);
            var datasetName = Member(dataset, "name", JsonValueKind.String, "dataset.").GetString()!;
            if (!Datasets.Names.Contains(datasetName, StringComparer.OrdinalIgnoreCase))
            {
                throw new InvalidDataException($"unknown dataset '{Shown(datasetName)}' in 'dataset.name'; valid names: {string.Join(", ", Datasets.Names)}");
            }

            var points = ReadInt(dataset, "points", 1, "dataset.");
            var network = ReadNetwork(Member(root, "parameters", JsonValueKind.Object), hidden);
            var metrics = Member(root, "metrics", JsonValueKind.Object);
            var totalLoss = ReadDouble(metrics, "totalLoss", "metrics.");
            if (totalLoss < LowestTotalLoss(points))
            {
                throw new InvalidDataException(
                    $"'metrics.totalLoss' is {metrics.GetProperty("totalLoss").GetRawText()}, but the loss of {points} points is at least -{points}e-6");
            }

            var correct = ReadInt(metrics, "correct", 0, "metrics.");
            if (correct > points)
            {
                throw new InvalidDataException($"'metrics.correct' is {correct}, more than the {points} points of the dataset");
            }

            var settings = new TrainingSettings(datasetName, points, hidden, learningRate, epochs, seed);
            return new TrainedModel(network, settings, totalLoss, correct) { CompletedEpochs = ReadCompletedEpochs(root, epochs) };
        }
    }

    private static Network ReadNetwork(JsonElement parameters, int hidden)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var property in parameters.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetDouble(out var value) || !double.IsFinite(value))
            {
                throw new InvalidDataException($"parameter '{Shown(property.Name)}' must be a finite number, but is {Shown(property.Value.GetRawText())}");
            }

            values.Add(property.Name, value);
        }

        var expected = Network.ParameterCount(hidden);
        if (values.Count != expected && hidden > LargestWidthCheckedByName)
        {
            throw new InvalidDataException($"'parameters' has {values.Count} entries, but a network of hidden width {hidden} has {expected}");
        }

        var network = new Network(hidden, new SplitMix64(0));
        var named = network.NamedParameters();
        foreach (var (name, parameter) in named)
        {
            if (!values.TryGetValue(name, out var value))
            {
                throw new InvalidDataException($"parameter '{name}' is missing (a network of hidden width {hidden} has {expected} parameters)");
            }

            parameter.Update(new Scalar(value));
        }

        if (values.Count != named.Count)
        {
            var known = named.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
            var unknown = values.Keys.First(name => !known.Contains(name));
            throw new InvalidDataException($"unknown parameter '{Shown(unknown)}' for a network of hidden width {hidden}");
        }

        return network;
    }

    private static int? ReadCompletedEpochs(JsonElement root, int epochs)
    {
        if (!root.TryGetProperty("interrupted", out var interrupted) || interrupted.ValueKind == JsonValueKind.False)
        {
            return null;
        }

        Expect(interrupted, JsonValueKind.True, "'interrupted'");
        var completed = ReadInt(root, "completedEpochs", 1);
        return completed <= epochs
            ? completed
            : throw new InvalidDataException($"'completedEpochs' is {completed}, more than the {epochs} epochs of 'hyperparameters.epochs'");
    }

    private static JsonElement Member(JsonElement owner, string name, JsonValueKind kind, string prefix = "")
    {
        if (!owner.TryGetProperty(name, out var value))
        {
            throw new InvalidDataException($"'{prefix}{name}' is missing");
        }

        return Expect(value, kind, $"'{prefix}{name}'");
    }

    private static JsonElement Expect(JsonElement value, JsonValueKind kind, string what) =>
        value.ValueKind == kind
            ? value
            : throw new InvalidDataException($"{what} must be {Describe(kind)}, but is {Describe(value.ValueKind)}");

    private static int ReadInt(JsonElement owner, string name, int minimum, string prefix = "")
    {
        var element = Member(owner, name, JsonValueKind.Number, prefix);
        if (!element.TryGetInt32(out var value) || value < minimum)
        {
            var range = minimum == int.MinValue ? "an integer" : $"an integer of at least {minimum}";
            throw new InvalidDataException($"'{prefix}{name}' must be {range}, but is {Shown(element.GetRawText())}");
        }

        return value;
    }

    private static double ReadDouble(JsonElement owner, string name, string prefix)
    {
        var element = Member(owner, name, JsonValueKind.Number, prefix);
        return element.TryGetDouble(out var value) && double.IsFinite(value)
            ? value
            : throw new InvalidDataException($"'{prefix}{name}' must be a finite number, but is {Shown(element.GetRawText())}");
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
