using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using MiniTorch.Runs;

namespace MiniTorch.Web.Tests.Api;

/// <summary>
/// Task 1.5 as MiniTorch's "Show Graph": the network's scalar graph for one training point, grouped by layer, whose
/// backward pass ends with the derivatives the library's own backward pass gives, for an untrained network and for a
/// training's network as it is now; and the refusals, each naming the field.
/// </summary>
[Trait("Task", "1.5")]
public sealed class ModelGraphApiTests : IClassFixture<SandboxFactory>
{
    private readonly SandboxFactory _factory;

    public ModelGraphApiTests(SandboxFactory factory) => _factory = factory;

    [Fact]
    public async Task A_point_s_graph_ends_with_the_library_s_derivative_for_every_parameter_and_input()
    {
        using var client = _factory.CreateClient();

        var view = await PostAsync(client, new { settings = new { dataset = "xor", points = 30, hidden = 3, seed = 5 }, point = 7 });

        var settings = new TrainingSettings("xor", 30, 3, 0.5, 500, 5);
        var expected = LibraryDerivatives(TrainingSettings.CreateNetwork(3, 5), settings.CreateDataset(), 7, out var output);
        Assert.Equal(output, view.GetProperty("output").GetString());
        Assert.Equal(expected, LeafDerivatives(view));
        Assert.Equal(Network.ParameterCount(3) + 2, expected.Count);
    }

    [Fact]
    public async Task A_training_s_graph_is_of_its_network_as_trained_so_far()
    {
        using var client = _factory.CreateClient();
        var id = (await (await client.PostAsJsonAsync("/api/trainings", new { dataset = "diag", points = 20, hidden = 2, epochs = 50, seed = 4 })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var events = await EventStream.OpenAsync(client, id!);
        for (var epoch = 1; epoch <= 3; epoch++)
        {
            await client.PostAsync(new Uri($"/api/trainings/{id}/step", UriKind.Relative), SandboxFactory.NoBody());
            await events.UntilAsync("frame");
        }

        var view = await PostAsync(client, new { training = id, point = 11 });
        await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, new Uri($"/api/trainings/{id}", UriKind.Relative)) { Content = SandboxFactory.NoBody() });

        var settings = new TrainingSettings("diag", 20, 2, 0.5, 50, 4);
        var network = TrainingSettings.CreateNetwork(2, 4);
        new Trainer(network, settings.CreateDataset(), 0.5, new TapeEngine()).Train(3);
        Assert.Equal(LibraryDerivatives(network, settings.CreateDataset(), 11, out _), LeafDerivatives(view));
    }

    [Fact]
    public async Task The_graph_is_grouped_by_layer_and_a_big_layer_starts_collapsed()
    {
        using var client = _factory.CreateClient();

        var view = await PostAsync(client, new { settings = new { hidden = 10 }, point = 0 });
        var open = await PostAsync(client, new { settings = new { hidden = 10 }, point = 0, collapsed = Array.Empty<string>() });

        var groups = view.GetProperty("groups").EnumerateArray().Select(g => (g.GetProperty("name").GetString(), g.GetProperty("nodes").GetInt32(), g.GetProperty("collapsed").GetBoolean()));
        // layer2 of width 10: 110 parameters, 100 products, 100 sums (the first adds to the bias) and 10 relus.
        Assert.Equal([("input", 2, false), ("layer1", 30 + 20 + 20 + 10, false), ("layer2", 110 + 100 + 100 + 10, true), ("layer3", 11 + 10 + 10 + 1, false)], groups);
        Assert.Contains("\"group:layer2\"", view.GetProperty("graph").GetProperty("dot").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("group:", open.GetProperty("graph").GetProperty("dot").GetString(), StringComparison.Ordinal);
        Assert.Equal(view.GetProperty("graph").GetProperty("steps").GetArrayLength(), open.GetProperty("graph").GetProperty("steps").GetArrayLength());
    }

    [Theory]
    [InlineData("""{"settings": {"points": 20}, "point": 20}""", "point")]
    [InlineData("""{"point": -1}""", "point")]
    [InlineData("""{"settings": {"hidden": 30}}""", "settings")]
    [InlineData("""{"settings": {"colour": "red"}}""", "settings.colour")]
    [InlineData("""{"settings": {"hidden": "ten"}}""", "settings.hidden")]
    [InlineData("""{"settings": {"hidden": 0}}""", "hidden")]
    [InlineData("""{"training": "abc", "settings": {}}""", "settings")]
    [InlineData("""{"collapsed": "layer2"}""", "collapsed")]
    public async Task A_bad_request_is_400_naming_the_field(string body, string field)
    {
        using var client = _factory.CreateClient();

        await JsonRequests.AssertRefusedAsync(client, "/api/model-graph", body, field);
    }

    // Every leaf's derivative after the library's own Backward from the network's output at the point, by the name the
    // page shows (x1, x2 and the parameters' dotted names), in round-trip form.
    private static Dictionary<string, string> LibraryDerivatives(Network network, Dataset data, int point, out string output)
    {
        var (x1, x2) = (new Scalar(data.Points[point].X1), new Scalar(data.Points[point].X2));
        var result = network.Call([x1, x2]);
        result.Backward();
        output = Text(result.Data);
        var derivatives = network.NamedParameters().ToDictionary(p => p.Key, p => Text(p.Value.Value.Derivative!.Value));
        derivatives["x1"] = Text(x1.Derivative!.Value);
        derivatives["x2"] = Text(x2.Derivative!.Value);
        return derivatives;
    }

    private static Dictionary<string, string> LeafDerivatives(JsonElement view) =>
        view.GetProperty("graph").GetProperty("steps").EnumerateArray()
            .Where(step => step.GetProperty("operation").ValueKind == JsonValueKind.Null)
            .ToDictionary(step => step.GetProperty("name").GetString()!, step => step.GetProperty("derivative").GetString()!);

    private static Task<JsonElement> PostAsync(HttpClient client, object body) => JsonRequests.PostOkAsync(client, "/api/model-graph", body);

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
