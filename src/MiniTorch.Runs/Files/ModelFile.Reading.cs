using System.Text.Json;

namespace MiniTorch.Runs;

public static partial class ModelFile
{
    // Above this many parameters (those of MiniTorch's network of width 1000) the network is built only when the file
    // has exactly the right number of them, so that a small malformed file cannot make the reader allocate a huge network.
    private static readonly long LargestCountCheckedByName = Network.ParameterCount(1000);

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

            var shape = ReadShape(Member(root, "architecture", JsonValueKind.Object));
            var hyperparameters = Member(root, "hyperparameters", JsonValueKind.Object);
            var learningRate = ReadDouble(hyperparameters, "learningRate", "hyperparameters.");
            if (!Sgd.IsValidLearningRate(learningRate))
            {
                throw new InvalidDataException($"'hyperparameters.learningRate' must be a positive finite number, but is {learningRate}");
            }

            var epochs = ReadInt(hyperparameters, "epochs", 1, "hyperparameters.");
            int? batchSize = hyperparameters.TryGetProperty("batchSize", out _) ? ReadInt(hyperparameters, "batchSize", 1, "hyperparameters.") : null;
            var l2 = ReadOptionalNumber(hyperparameters, "l2", double.MaxValue, "hyperparameters.");
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
            var settings = new TrainingSettings(datasetName, points, shape.Widths[0], learningRate, epochs, seed)
            {
                Shape = shape,
                BatchSize = batchSize,
                L2 = l2,
                Noise = ReadOptionalNumber(dataset, "noise", NoisyPoints.MaxNoise, "dataset."),
                TestShare = ReadOptionalNumber(dataset, "testShare", TestSplit.MaxShare, "dataset."),
            };
            var network = ReadNetwork(Member(root, "parameters", JsonValueKind.Object), shape);
            var metrics = Member(root, "metrics", JsonValueKind.Object);
            var (totalLoss, correct) = ReadTotals(metrics, "totalLoss", "correct", settings.TrainingPoints, "points of the dataset");
            EpochTotals? test = null;
            if (settings.TestPoints > 0)
            {
                var (testLoss, testCorrect) = ReadTotals(metrics, "testLoss", "testCorrect", settings.TestPoints, "test points");
                test = new EpochTotals(testLoss, testCorrect);
            }

            return new TrainedModel(network, settings, totalLoss, correct) { CompletedEpochs = ReadCompletedEpochs(root, epochs), FinalTest = test };
        }
    }

    // MiniTorch's network (type Network, one width) or another shape (type LayeredNetwork, widths and activation).
    private static NetworkShape ReadShape(JsonElement architecture)
    {
        var type = Member(architecture, "type", JsonValueKind.String, "architecture.").GetString();
        if (type == nameof(Network))
        {
            return NetworkShape.MiniTorch(ReadInt(architecture, "hidden", 1, "architecture."));
        }

        if (type != nameof(LayeredNetwork))
        {
            throw new InvalidDataException($"architecture type '{Shown(type ?? string.Empty)}' is not supported; expected '{nameof(Network)}' or '{nameof(LayeredNetwork)}'");
        }

        var list = Member(architecture, "hidden", JsonValueKind.Array, "architecture.");
        var rule = $"'architecture.hidden' must list 1 to {NetworkShape.MaxLayers} widths of at least 1";
        if (list.GetArrayLength() is 0 or > NetworkShape.MaxLayers)
        {
            throw new InvalidDataException($"{rule}, but lists {list.GetArrayLength()}");
        }

        var widths = new List<int>();
        foreach (var width in list.EnumerateArray())
        {
            if (width.ValueKind != JsonValueKind.Number || !width.TryGetInt32(out var value) || value < 1)
            {
                throw new InvalidDataException($"{rule}, but has {Shown(width.GetRawText())}");
            }

            widths.Add(value);
        }

        var activation = Member(architecture, "activation", JsonValueKind.String, "architecture.").GetString()!;
        if (!NetworkShape.Activations.Contains(activation))
        {
            throw new InvalidDataException($"unknown activation '{Shown(activation)}' in 'architecture.activation'; valid activations: {string.Join(", ", NetworkShape.Activations)}");
        }

        return new NetworkShape(widths, activation);
    }

    private static Module<Scalar[], Scalar> ReadNetwork(JsonElement parameters, NetworkShape shape)
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

        var expected = shape.ParameterCount;
        if (values.Count != expected && expected > LargestCountCheckedByName)
        {
            throw new InvalidDataException($"'parameters' has {values.Count} entries, but a network of {Describe(shape)} has {expected}");
        }

        var network = shape.Create(new SplitMix64(0));
        var named = network.NamedParameters();
        foreach (var (name, parameter) in named)
        {
            if (!values.TryGetValue(name, out var value))
            {
                throw new InvalidDataException($"parameter '{name}' is missing (a network of {Describe(shape)} has {expected} parameters)");
            }

            parameter.Update(new Scalar(value));
        }

        if (values.Count != named.Count)
        {
            var known = named.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
            var unknown = values.Keys.First(name => !known.Contains(name));
            throw new InvalidDataException($"unknown parameter '{Shown(unknown)}' for a network of {Describe(shape)}");
        }

        return network;
    }

    // A run's total loss (at least -Ne-6) and correct count (at most N) on its N training or test points.
    private static (double Loss, int Correct) ReadTotals(JsonElement metrics, string lossName, string correctName, int points, string whose)
    {
        var loss = ReadDouble(metrics, lossName, "metrics.");
        if (loss < LowestTotalLoss(points))
        {
            throw new InvalidDataException(
                $"'metrics.{lossName}' is {metrics.GetProperty(lossName).GetRawText()}, but the loss of {points} points is at least -{points}e-6");
        }

        var correct = ReadInt(metrics, correctName, 0, "metrics.");
        return correct <= points
            ? (loss, correct)
            : throw new InvalidDataException($"'metrics.{correctName}' is {correct}, more than the {points} {whose}");
    }

    // An optional number from 0 to `largest` (0 when absent): L2, the noise, the test share.
    private static double ReadOptionalNumber(JsonElement owner, string name, double largest, string prefix)
    {
        if (!owner.TryGetProperty(name, out _))
        {
            return 0;
        }

        var value = ReadDouble(owner, name, prefix);
        return value >= 0 && value <= largest
            ? value
            : throw new InvalidDataException(largest == double.MaxValue
                ? $"'{prefix}{name}' must be a finite number of at least 0, but is {value}"
                : $"'{prefix}{name}' must be from 0 to {largest}, but is {value}");
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
