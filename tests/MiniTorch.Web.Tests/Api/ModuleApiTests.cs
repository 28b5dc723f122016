using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using MiniTorch.Runs;

namespace MiniTorch.Web.Tests.Api;

/// <summary>
/// Task 0.4 and 0.5 through the sandbox (the Module tab, MiniTorch's Manual page): the tree and a window of the
/// parameters, values set by hand giving the library's loss and boundary, on a fresh network (kept only in the request)
/// or on a training's network (kept there); and the refusals.
/// </summary>
[Trait("Task", "0.4")]
public sealed class ModuleApiTests : IClassFixture<SandboxFactory>
{
    private readonly SandboxFactory _factory;

    public ModuleApiTests(SandboxFactory factory) => _factory = factory;

    [Fact]
    public async Task A_value_set_by_hand_gives_the_library_s_loss_and_correct_count_with_that_value()
    {
        using var client = _factory.CreateClient();
        var settings = new { dataset = "simple", points = 40, hidden = 2, seed = 7 };

        var before = await PostAsync(client, new { settings });
        var after = await PostAsync(client, new { settings, values = new Dictionary<string, double> { ["layer3.bias_0"] = -4.5, ["layer1.weight_1_0"] = 2.25 } });

        var network = TrainingSettings.CreateNetwork(2, 7);
        network.GetParameter("layer3.bias_0").Update(new Scalar(-4.5));
        network.GetParameter("layer1.weight_1_0").Update(new Scalar(2.25));
        var data = new TrainingSettings("simple", 40, 2, 0.5, 500, 7).CreateDataset();
        var totals = new ScalarEngine().RunEpoch(network, data);
        Assert.Equal(Text(totals.TotalLoss), after.GetProperty("loss").GetString());
        Assert.Equal(totals.Correct, after.GetProperty("correct").GetInt32());
        Assert.NotEqual(before.GetProperty("loss").GetString(), after.GetProperty("loss").GetString());
        Assert.NotEqual(before.GetProperty("picture").GetProperty("output").GetString(), after.GetProperty("picture").GetProperty("output").GetString());
        var rows = after.GetProperty("parameters").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        Assert.Equal(-4.5, rows["layer3.bias_0"].GetProperty("value").GetDouble());
        Assert.Equal(network.GetParameter("layer1.weight_0_0").Value.Derivative, rows["layer1.weight_0_0"].GetProperty("gradient").GetDouble());
        Assert.Equal("now", after.GetProperty("gradients").GetString());
        Assert.StartsWith("Network(", after.GetProperty("tree").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wide_network_is_read_a_window_at_a_time()
    {
        using var client = _factory.CreateClient();

        var view = await PostAsync(client, new { settings = new { hidden = 200, points = 10 }, from = 40_000, count = 500 });

        var names = TrainingSettings.CreateNetwork(200, 1).NamedParameters().Select(p => p.Key).ToArray();
        Assert.Equal(41_001, view.GetProperty("total").GetInt32());
        Assert.Equal(40_000, view.GetProperty("from").GetInt32());
        Assert.Equal(names[40_000..40_500], view.GetProperty("parameters").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task A_value_set_on_a_training_s_network_stays_there()
    {
        using var client = _factory.CreateClient();
        var id = (await (await client.PostAsJsonAsync("/api/trainings", new { points = 20, hidden = 2, epochs = 30 })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var events = await EventStream.OpenAsync(client, id!);

        var set = await PostAsync(client, new { training = id, values = new Dictionary<string, double> { ["layer2.weight_1_1"] = 3.5 } });
        var read = await PostAsync(client, new { training = id });
        await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, new Uri($"/api/trainings/{id}", UriKind.Relative)) { Content = SandboxFactory.NoBody() });

        double Value(JsonElement view) => view.GetProperty("parameters").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "layer2.weight_1_1").GetProperty("value").GetDouble();
        Assert.Equal(3.5, Value(set));
        Assert.Equal(3.5, Value(read));
        Assert.Equal(set.GetProperty("loss").GetString(), read.GetProperty("loss").GetString());
        Assert.Equal("last step", read.GetProperty("gradients").GetString());
    }

    [Theory]
    [InlineData("""{"values": {"layer9.bias_0": 1}}""", "values.layer9.bias_0")]
    [InlineData("""{"values": {"layer1.bias_0": 1e9}}""", "values.layer1.bias_0")]
    [InlineData("""{"values": {"layer1.bias_0": "one"}}""", "values['layer1.bias_0']")]
    [InlineData("""{"count": 0}""", "count")]
    [InlineData("""{"count": 501}""", "count")]
    [InlineData("""{"from": -1}""", "from")]
    [InlineData("""{"settings": {"dataset": "moons"}}""", "dataset")]
    public async Task A_bad_request_is_400_naming_the_field(string body, string field)
    {
        using var client = _factory.CreateClient();

        await JsonRequests.AssertRefusedAsync(client, "/api/module", body, field);
    }

    private static Task<JsonElement> PostAsync(HttpClient client, object body) => JsonRequests.PostOkAsync(client, "/api/module", body);

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
