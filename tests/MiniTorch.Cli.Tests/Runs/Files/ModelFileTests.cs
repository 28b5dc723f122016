using System.Text.Json.Nodes;
using CsCheck;

using MiniTorch.Runs;

namespace MiniTorch.Tests.Runs;

/// <summary>Task 1.5: saving and loading trained networks as JSON.</summary>
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

    public void Dispose() => Directory.Delete(_folder, recursive: true);

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

    private static long[] Bits(Network network) => [.. network.Parameters().Select(p => BitConverter.DoubleToInt64Bits(p.Value.Data))];

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
