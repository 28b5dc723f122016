using System.Text.Json.Nodes;
using CsCheck;

using MiniTorch.Runs;

namespace MiniTorch.Tests.Runs;

/// <summary>
/// Task 1.5: saving and loading trained networks as JSON, MiniTorch's as they always were and the others with their
/// shape, batch size, L2, noise, test share and test metrics.
/// </summary>
[Trait("Task", "1.5")]
public sealed class ModelFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("minitorch-model-").FullName;

    public static TheoryData<string, string> Malformations => new()
    {
        { "text:{ not json", "not valid JSON" },
        { "text:[1, 2]", "the top level must be an object, but is an array" },
        { "remove:formatVersion", "'formatVersion' is missing" },
        { "set:formatVersion=2", "format version 2 is not supported" },
        { "set:architecture.type=\"Tensor\"", "architecture type 'Tensor' is not supported" },
        { "set:architecture.hidden=\"two\"", "'architecture.hidden' must be a number, but is a string" },
        { "set:architecture.hidden=0", "'architecture.hidden' must be an integer of at least 1, but is 0" },
        { "set:architecture.hidden=3", "parameter 'layer1.weight_0_2' is missing" },
        { "set:architecture.hidden=5000", "'parameters' has 15 entries, but a network of hidden width 5000 has 25025001" },
        { "set:hyperparameters.learningRate=-1", "'hyperparameters.learningRate' must be a positive finite number" },
        { "remove:hyperparameters.epochs", "'hyperparameters.epochs' is missing" },
        { "set:seed=-1", "'seed' must be an integer from 0" },
        { "set:dataset.name=\"moons\"", "unknown dataset 'moons' in 'dataset.name'; valid names: Simple, Diag" },
        { "set:dataset.points=0", "'dataset.points' must be an integer of at least 1" },
        { "remove:parameters.layer2.bias_1", "parameter 'layer2.bias_1' is missing" },
        { "set:parameters.layer4.bias_0=1", "unknown parameter 'layer4.bias_0'" },
        { "set:parameters.layer1.bias_0=\"x\"", "parameter 'layer1.bias_0' must be a finite number, but is \"x\"" },
        { "set:parameters.layer1.bias_0=1e999", "parameter 'layer1.bias_0' must be a finite number, but is 1e999" },
        { "duplicate:layer1.bias_0", "'parameters.layer1.bias_0' appears more than once" },
        { "set:metrics.correct=51", "'metrics.correct' is 51, more than the 50 points" },
        { "remove:metrics", "'metrics' is missing" },
    };

    public static TheoryData<string, string> LayeredMalformations => new()
    {
        { "set:architecture.hidden=[]", "'architecture.hidden' must list 1 to 4 widths of at least 1, but lists 0" },
        { "set:architecture.hidden=[3,3,3,3,3]", "'architecture.hidden' must list 1 to 4 widths of at least 1, but lists 5" },
        { "set:architecture.hidden=[3,0]", "'architecture.hidden' must list 1 to 4 widths of at least 1, but has 0" },
        { "set:architecture.hidden=5", "'architecture.hidden' must be an array, but is a number" },
        { "set:architecture.hidden=[3,4000000]", "'parameters' has 25 entries, but a network of hidden widths 3,4000000 with tanh has 20000010" },
        { "set:architecture.activation=\"gelu\"", "unknown activation 'gelu' in 'architecture.activation'; valid activations: relu, tanh, sigmoid" },
        { "remove:architecture.activation", "'architecture.activation' is missing" },
        { "set:architecture.hidden=[3,4]", "parameter 'layer2.weight_0_3' is missing" },
        { "set:hyperparameters.batchSize=0", "'hyperparameters.batchSize' must be an integer of at least 1, but is 0" },
        { "set:hyperparameters.l2=-0.5", "'hyperparameters.l2' must be a finite number of at least 0, but is -0.5" },
        { "set:dataset.noise=0.7", "'dataset.noise' must be from 0 to 0.5, but is 0.7" },
        { "set:dataset.testShare=1", "'dataset.testShare' must be from 0 to 0.9, but is 1" },
        { "remove:metrics.testLoss", "'metrics.testLoss' is missing" },
        { "set:metrics.testCorrect=11", "'metrics.testCorrect' is 11, more than the 10 test points" },
        { "set:metrics.correct=31", "'metrics.correct' is 31, more than the 30 points of the dataset" },
    };

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_layered_model_with_every_setting_beyond_minitorch_loads_back_exactly()
    {
        var model = Layered();

        var loaded = ModelFile.FromJson(ModelFile.ToJson(model));

        Assert.Equal(model.Settings, loaded.Settings);
        Assert.IsType<LayeredNetwork>(loaded.Network);
        Assert.Equal(Bits(model.Network), Bits(loaded.Network));
        Assert.Equal(model.FinalTest, loaded.FinalTest);
        Assert.Equal(ModelFile.ToJson(model), ModelFile.ToJson(loaded));
    }

    [Fact]
    public void The_settings_beyond_minitorch_are_written_only_when_set()
    {
        var json = JsonNode.Parse(ModelFile.ToJson(Layered()))!;
        var minitorch = JsonNode.Parse(ModelFile.ToJson(Untrained()))!;

        Assert.Equal("LayeredNetwork", (string)json["architecture"]!["type"]!);
        Assert.Equal("[3,3]", json["architecture"]!["hidden"]!.ToJsonString());
        Assert.Equal("tanh", (string)json["architecture"]!["activation"]!);
        Assert.Equal(8, (int)json["hyperparameters"]!["batchSize"]!);
        Assert.Equal(0.01, (double)json["hyperparameters"]!["l2"]!);
        Assert.Equal(0.2, (double)json["dataset"]!["noise"]!);
        Assert.Equal(0.25, (double)json["dataset"]!["testShare"]!);
        Assert.Equal(2.5, (double)json["metrics"]!["testLoss"]!);
        Assert.Equal(7, (int)json["metrics"]!["testCorrect"]!);
        Assert.Equal(["type", "hidden"], minitorch["architecture"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["learningRate", "epochs"], minitorch["hyperparameters"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["name", "points"], minitorch["dataset"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["totalLoss", "correct"], minitorch["metrics"]!.AsObject().Select(p => p.Key));
    }

    [Theory]
    [MemberData(nameof(LayeredMalformations))]
    public void A_malformed_layered_file_fails_with_a_message_naming_the_problem(string change, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => ModelFile.FromJson(Apply(change, ModelFile.ToJson(Layered()))));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_network_of_another_shape_than_its_settings_cannot_be_saved()
    {
        var model = Layered();

        var error = Assert.Throws<ArgumentException>(() => ModelFile.ToJson(model with { Network = Untrained().Network }));

        Assert.Contains("The network's shape (hidden width 2) differs from the settings' (hidden widths 3,3 with tanh)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_saved_model_loads_back_exactly()
    {
        var model = TrainedSimple();
        var path = Path.Combine(_folder, "model.json");

        ModelFile.Save(path, model);
        var loaded = ModelFile.Load(path);

        Assert.Equal(model.Settings, loaded.Settings);
        Assert.Equal(BitConverter.DoubleToInt64Bits(model.FinalLoss), BitConverter.DoubleToInt64Bits(loaded.FinalLoss));
        Assert.Equal(model.FinalCorrect, loaded.FinalCorrect);
        Assert.Equal(Bits(model.Network), Bits(loaded.Network));
        Assert.Equal(ModelFile.ToJson(model), File.ReadAllText(path));
        Assert.Equal(["model.json"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void Every_finite_double_round_trips_bit_for_bit() =>
        Gen.Double.Where(double.IsFinite).Array[15].Sample(values =>
        {
            var model = Untrained();
            var parameters = model.Network.Parameters();
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Update(new Scalar(values[i]));
            }

            var loaded = ModelFile.FromJson(ModelFile.ToJson(model with { FinalLoss = Math.Abs(values[0]) }));

            Assert.Equal(values.Select(BitConverter.DoubleToInt64Bits), Bits(loaded.Network));
            Assert.Equal(BitConverter.DoubleToInt64Bits(Math.Abs(values[0])), BitConverter.DoubleToInt64Bits(loaded.FinalLoss));
        }, iter: 500);

    [Fact]
    public void The_file_holds_version_architecture_hyperparameters_seed_dataset_parameters_and_metrics()
    {
        var json = JsonNode.Parse(ModelFile.ToJson(Untrained()))!;

        Assert.Equal(1, (int)json["formatVersion"]!);
        Assert.Equal("Network", (string)json["architecture"]!["type"]!);
        Assert.Equal(2, (int)json["architecture"]!["hidden"]!);
        Assert.Equal(0.5, (double)json["hyperparameters"]!["learningRate"]!);
        Assert.Equal(20, (int)json["hyperparameters"]!["epochs"]!);
        Assert.Equal(3UL, (ulong)json["seed"]!);
        Assert.Equal("Simple", (string)json["dataset"]!["name"]!);
        Assert.Equal(15, json["parameters"]!.AsObject().Count);
        Assert.NotNull(json["parameters"]!["layer3.bias_0"]);
        Assert.NotNull(json["metrics"]!["totalLoss"]);
    }

    [Theory]
    [MemberData(nameof(Malformations))]
    public void A_malformed_file_fails_with_a_message_naming_the_problem(string change, string expected)
    {
        var path = Path.Combine(_folder, "bad.json");
        File.WriteAllText(path, Apply(change, ModelFile.ToJson(Untrained())));

        var error = Assert.Throws<InvalidDataException>(() => ModelFile.Load(path));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{path} is not a usable model file: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_finite_parameter_cannot_be_saved_and_leaves_no_file()
    {
        var model = Untrained();
        model.Network.Parameters()[4].Update(new Scalar(double.NaN));
        var path = Path.Combine(_folder, "nan.json");

        var error = Assert.Throws<ArgumentException>(() => ModelFile.Save(path, model));

        Assert.Contains("parameter 'layer1.bias_0'", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void A_missing_file_fails_as_file_not_found() =>
        Assert.Throws<FileNotFoundException>(() => ModelFile.Load(Path.Combine(_folder, "none.json")));

    private static TrainedModel TrainedSimple()
    {
        var settings = new TrainingSettings("simple", 50, 2, 0.5, 20, 3);
        var network = settings.CreateNetwork();
        var final = new Trainer(network, settings.CreateDataset(), 0.5).Train(settings.Epochs).Final;
        return new TrainedModel(network, settings, final.TotalLoss, final.Correct);
    }

    private static TrainedModel Untrained()
    {
        var settings = new TrainingSettings("simple", 50, 2, 0.5, 20, 3);
        return new TrainedModel(settings.CreateNetwork(), settings, 34.5, 25);
    }

    private static TrainedModel Layered()
    {
        var settings = new TrainingSettings("circle", 40, 3, 0.5, 20, 3)
        {
            Shape = new NetworkShape([3, 3], NetworkShape.Tanh),
            BatchSize = 8,
            L2 = 0.01,
            Noise = 0.2,
            TestShare = 0.25,
        };
        return new TrainedModel(settings.CreateNetwork(), settings, 12.5, 21) { FinalTest = new EpochTotals(2.5, 7) };
    }

    private static long[] Bits(Module<Scalar[], Scalar> network) => [.. network.Parameters().Select(p => BitConverter.DoubleToInt64Bits(p.Value.Data))];

    private static string Apply(string change, string json)
    {
        var (kind, argument) = (change[..change.IndexOf(':', StringComparison.Ordinal)], change[(change.IndexOf(':', StringComparison.Ordinal) + 1)..]);
        if (kind == "text")
        {
            return argument;
        }

        if (kind == "duplicate")
        {
            var line = json.Split('\n').First(l => l.Contains($"\"{argument}\"", StringComparison.Ordinal));
            return json.Replace(line, line + "\n" + line, StringComparison.Ordinal);
        }

        var root = JsonNode.Parse(json)!.AsObject();
        var target = kind == "set" ? argument[..argument.IndexOf('=', StringComparison.Ordinal)] : argument;
        var (owner, name) = Locate(root, target);
        if (kind == "remove")
        {
            owner.Remove(name);
        }
        else
        {
            owner[name] = JsonNode.Parse(argument[(argument.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        }

        return root.ToJsonString();
    }

    private static (JsonObject Owner, string Name) Locate(JsonObject root, string path)
    {
        // "parameters.layer1.bias_0" names a member of "parameters"; other paths are one or two levels deep.
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? (root, path) : (root[path[..dot]]!.AsObject(), path[(dot + 1)..]);
    }
}
