using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MiniTorch.Cli;

using MiniTorch.Runs;

namespace MiniTorch.Web.Tests.Api;

/// <summary>
/// Task 1.5 through the sandbox's API: a preview, a training streamed to its final event with the library's final loss,
/// pause and step, reset, the module view, the run's files as the command writes them, the cap and cancellation.
/// </summary>
[Trait("Task", "1.5")]
public sealed class TrainingApiTests : IClassFixture<SandboxFactory>
{
    private static readonly TrainingSettings Small = new("xor", 20, 4, 0.5, 40, 3);
    private static readonly object SmallBody = new { dataset = "xor", points = 20, hidden = 4, rate = 0.5, epochs = 40, seed = 3 };
    private readonly SandboxFactory _factory;

    public TrainingApiTests(SandboxFactory factory) => _factory = factory;

    [Fact]
    public async Task The_form_offers_the_datasets_and_engines_with_the_defaults_minitorch_train_uses()
    {
        using var client = _factory.CreateClient();

        var form = await client.GetFromJsonAsync<JsonElement>("/api/trainings/form");

        var defaults = form.GetProperty("defaults");
        var settings = TrainingSettings.Default;
        Assert.Equal(["simple", "diag", "split", "xor", "circle", "spiral", "points"], form.GetProperty("datasets").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal([TrainingEngines.Default, TrainingEngines.Graph], form.GetProperty("engines").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("xor", defaults.GetProperty("dataset").GetString());
        Assert.Equal((50, 0.5, 500, 1ul), (defaults.GetProperty("points").GetInt32(), defaults.GetProperty("rate").GetDouble(), defaults.GetProperty("epochs").GetInt32(), defaults.GetProperty("seed").GetUInt64()));
        Assert.Equal([10, 10], defaults.GetProperty("widths").EnumerateArray().Select(w => w.GetInt32()));
        Assert.Equal(("relu", 0.0, 0.0, 0.0), (defaults.GetProperty("activation").GetString(), defaults.GetProperty("l2").GetDouble(), defaults.GetProperty("noise").GetDouble(), defaults.GetProperty("test").GetDouble()));
        Assert.Equal((settings.Points, settings.Shape, settings.LearningRate, settings.Epochs, settings.Seed), (50, NetworkShape.MiniTorch(10), 0.5, 500, 1ul));
        Assert.Equal(["relu", "tanh", "sigmoid"], form.GetProperty("activations").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(["slow", "normal", "fast", "max"], form.GetProperty("paces").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(150, form.GetProperty("ranges").GetProperty("points").GetProperty("max").GetDouble());
        Assert.Equal(4, form.GetProperty("maxLayers").GetInt32());
    }

    [Fact]
    public async Task A_preview_shows_the_points_of_the_dataset_and_every_hidden_unit_of_the_initial_network()
    {
        using var client = _factory.CreateClient();

        var preview = await PostAsync(client, "/api/trainings/preview", SmallBody);

        var data = Small.CreateDataset();
        var points = preview.GetProperty("points").EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble())).ToArray();
        Assert.Equal(data.Points.Select(p => (p.X1, p.X2)), points);
        Assert.Equal(data.Labels, preview.GetProperty("labels").EnumerateArray().Select(l => l.GetInt32()));
        var picture = preview.GetProperty("picture");
        var cells = picture.GetProperty("cells").GetInt32();
        Assert.Equal(64, cells);
        Assert.Equal(cells * cells, Convert.FromBase64String(picture.GetProperty("output").GetString()!).Length);
        Assert.Equal([4, 4], picture.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("units").GetArrayLength()));
        Assert.Equal(0, preview.GetProperty("testPoints").GetArrayLength());
        Assert.Equal("minitorch train --points 20 --hidden 4 --seed 3 --epochs 40", preview.GetProperty("command").GetString());
        Assert.True(preview.GetProperty("id").ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task A_training_streams_every_epoch_and_ends_with_a_final_event_holding_the_library_s_final_loss()
    {
        using var client = _factory.CreateClient();
        var id = (await PostAsync(client, "/api/trainings", SmallBody, HttpStatusCode.Created)).GetProperty("id").GetString();
        using var events = await EventStream.OpenAsync(client, id!);

        await SendAsync(client, HttpMethod.Post, $"/api/trainings/{id}/play");
        var frames = new List<(string Type, JsonElement Data)>();
        var end = await events.UntilAsync("end", frames);

        Assert.Equal("finished", end.GetProperty("reason").GetString());
        Assert.Equal(Library.FinalLoss(Small), end.GetProperty("finalLossText").GetString());
        var epochs = frames.SelectMany(f => f.Data.GetProperty("rows").EnumerateArray()).Select(r => r.GetProperty("epoch").GetInt32());
        Assert.Equal(Enumerable.Range(1, 40), epochs);
        Assert.Equal("finished", frames[^1].Data.GetProperty("state").GetString());
        Assert.Null(await events.NextAsync());
    }

    [Fact]
    public async Task Step_runs_one_epoch_at_a_time_and_pause_holds_the_training()
    {
        using var client = _factory.CreateClient();
        var id = (await PostAsync(client, "/api/trainings", SmallBody, HttpStatusCode.Created)).GetProperty("id").GetString();
        using var events = await EventStream.OpenAsync(client, id!);

        await SendAsync(client, HttpMethod.Post, $"/api/trainings/{id}/step");
        var first = await events.UntilAsync("frame");
        await SendAsync(client, HttpMethod.Post, $"/api/trainings/{id}/step");
        var second = await events.UntilAsync("frame");
        await SendAsync(client, HttpMethod.Post, $"/api/trainings/{id}/pause");
        var module = await PostAsync(client, "/api/module", new { training = id });

        Assert.Equal((1, "paused"), (first.GetProperty("epoch").GetInt32(), first.GetProperty("state").GetString()));
        Assert.Equal((2, "paused"), (second.GetProperty("epoch").GetInt32(), second.GetProperty("state").GetString()));
        Assert.Equal(Network.ParameterCount(4), module.GetProperty("parameters").GetArrayLength());
        Assert.All(module.GetProperty("parameters").EnumerateArray(), p => Assert.Equal(JsonValueKind.Number, p.GetProperty("gradient").ValueKind));
        Assert.StartsWith("Network(", module.GetProperty("tree").GetString(), StringComparison.Ordinal);
        await SendAsync(client, HttpMethod.Delete, $"/api/trainings/{id}");
    }

    [Fact]
    public async Task Pause_stops_a_running_training_after_the_epoch_under_way()
    {
        using var client = _factory.CreateClient();
        var id = (await PostAsync(client, "/api/trainings", new { epochs = 100_000, points = 20, hidden = 3 }, HttpStatusCode.Created)).GetProperty("id").GetString();
        using var events = await EventStream.OpenAsync(client, id!);
        await SendAsync(client, HttpMethod.Post, $"/api/trainings/{id}/play");
        await events.UntilAsync("frame");

        await SendAsync(client, HttpMethod.Post, $"/api/trainings/{id}/pause");
        JsonElement frame;
        do
        {
            frame = await events.UntilAsync("frame");
        }
        while (frame.GetProperty("state").GetString() == "running");

        Assert.Equal("paused", frame.GetProperty("state").GetString());
        Assert.True(frame.GetProperty("epoch").GetInt32() < 100_000);
        await SendAsync(client, HttpMethod.Delete, $"/api/trainings/{id}");
    }

    [Fact]
    public async Task Reset_stops_the_training_and_its_stream_ends_with_a_stopped_event()
    {
        using var client = _factory.CreateClient();
        var body = new { epochs = 100_000 };
        var id = (await PostAsync(client, "/api/trainings", body, HttpStatusCode.Created)).GetProperty("id").GetString();
        using var events = await EventStream.OpenAsync(client, id!);
        await SendAsync(client, HttpMethod.Post, $"/api/trainings/{id}/play");
        await events.UntilAsync("frame");

        await SendAsync(client, HttpMethod.Delete, $"/api/trainings/{id}");
        var end = await events.UntilAsync("end");

        Assert.Equal("stopped", end.GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync(new Uri($"/api/trainings/{id}/play", UriKind.Relative), SandboxFactory.NoBody())).StatusCode);
    }

    [Fact]
    public async Task A_page_that_goes_away_stops_its_training()
    {
        using var factory = new SandboxFactory(1);
        using var client = factory.CreateClient();
        var id = (await PostAsync(client, "/api/trainings", new { epochs = 100_000 }, HttpStatusCode.Created)).GetProperty("id").GetString();
        using (var events = await EventStream.OpenAsync(client, id!))
        {
            await SendAsync(client, HttpMethod.Post, $"/api/trainings/{id}/play");
            await events.UntilAsync("frame");
        }

        var stopped = await WaitForAsync(() => Task.FromResult(factory.Sessions.Running == 0));

        Assert.True(stopped, "the abandoned training kept running");
        Assert.Null(factory.Sessions.Find(id!));
        // The cap is 1: its place is free again.
        await PostAsync(client, "/api/trainings", SmallBody, HttpStatusCode.Created);
    }

    [Fact]
    public async Task Beyond_the_cap_a_new_training_is_refused_with_429_and_a_message()
    {
        using var factory = new SandboxFactory(2);
        using var client = factory.CreateClient();
        await PostAsync(client, "/api/trainings", SmallBody, HttpStatusCode.Created);
        await PostAsync(client, "/api/trainings", SmallBody, HttpStatusCode.Created);

        var refused = await client.PostAsJsonAsync("/api/trainings", SmallBody);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("2 trainings are running", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_run_s_files_are_byte_for_byte_those_minitorch_train_writes()
    {
        using var client = _factory.CreateClient();
        var id = (await PostAsync(client, "/api/trainings", SmallBody, HttpStatusCode.Created)).GetProperty("id").GetString();
        using var events = await EventStream.OpenAsync(client, id!);
        await SendAsync(client, HttpMethod.Post, $"/api/trainings/{id}/play");
        await events.UntilAsync("end");
        var folder = Directory.CreateTempSubdirectory("minitorch-serve-test-").FullName;
        try
        {
            var run = Path.Combine(folder, "run");
            var exit = MiniTorchCommand.Run(
                ["train", "--dataset", "xor", "--points", "20", "--hidden", "4", "--rate", "0.5", "--epochs", "40", "--seed", "3", "--out", run],
                TextWriter.Null, TextWriter.Null);
            Assert.Equal(0, exit);

            foreach (var name in new[] { "model.json", "log.csv" })
            {
                var served = await client.GetByteArrayAsync(new Uri($"/api/trainings/{id}/files/{name}", UriKind.Relative));
                Assert.Equal(File.ReadAllBytes(Path.Combine(run, name)), served);
            }

            foreach (var name in new[] { "boundary.png", "boundary.svg", "loss.png", "loss.svg" })
            {
                var response = await client.GetAsync(new Uri($"/api/trainings/{id}/files/{name}", UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/api/trainings/{id}/files/..%2Fetc%2Fpasswd", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("""{"points": 1}""", "points")]
    [InlineData("""{"points": 151}""", "points")]
    [InlineData("""{"hidden": 0}""", "hidden")]
    [InlineData("""{"hidden": 201}""", "hidden")]
    [InlineData("""{"rate": 0.0001}""", "rate")]
    [InlineData("""{"rate": 5.5}""", "rate")]
    [InlineData("""{"epochs": 0}""", "epochs")]
    [InlineData("""{"epochs": 100001}""", "epochs")]
    [InlineData("""{"seed": -1}""", "seed")]
    [InlineData("""{"dataset": "moons"}""", "dataset")]
    [InlineData("""{"engine": "gpu"}""", "engine")]
    [InlineData("""{"widths": []}""", "widths")]
    [InlineData("""{"widths": [3, 3, 3, 3, 3]}""", "widths")]
    [InlineData("""{"widths": [3, 0]}""", "widths")]
    [InlineData("""{"widths": [200, 200, 200]}""", "widths")]
    [InlineData("""{"widths": [3], "hidden": 3}""", "widths")]
    [InlineData("""{"widths": 3}""", "widths")]
    [InlineData("""{"activation": "gelu"}""", "activation")]
    [InlineData("""{"batch": 0}""", "batch")]
    [InlineData("""{"l2": -0.1}""", "l2")]
    [InlineData("""{"l2": 2}""", "l2")]
    [InlineData("""{"noise": 0.6}""", "noise")]
    [InlineData("""{"test": 0.95}""", "test")]
    [InlineData("""{"pace": "warp"}""", "pace")]
    [InlineData("""{"runOn": "yes"}""", "runOn")]
    [InlineData("""{"hidden": "ten"}""", "hidden")]
    [InlineData("""{"hidden": 10""", "body")]
    [InlineData("""{"colour": "red"}""", "colour")]
    [InlineData("""[1, 2]""", "body")]
    [InlineData("""null""", "body")]
    public async Task A_bad_setting_is_refused_with_400_problem_details_naming_the_field(string body, string field)
    {
        using var client = _factory.CreateClient();
        foreach (var path in new[] { "/api/trainings/preview", "/api/trainings" })
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{path}: {problem}");
            Assert.DoesNotContain("   at ", problem.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unknown_training_is_404_for_every_request()
    {
        using var client = _factory.CreateClient();
        var id = "0123456789abcdef0123456789abcdef";

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/api/trainings/{id}/events", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync(new Uri($"/api/trainings/{id}/step", UriKind.Relative), SandboxFactory.NoBody())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/module", new { training = id })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/model-graph", new { training = id })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, new Uri($"/api/trainings/{id}", UriKind.Relative)) { Content = SandboxFactory.NoBody() })).StatusCode);
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.PostAsJsonAsync(path, body);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task SendAsync(HttpClient client, HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = SandboxFactory.NoBody() };
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    // A bounded wait for something the server does in the background; the bound guards against a hang only.
    private static async Task<bool> WaitForAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }
}
