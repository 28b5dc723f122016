using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MiniTorch.Cli;
using MiniTorch.Runs;

namespace MiniTorch.Web.Tests.Api;

/// <summary>
/// The Training tab's API beyond MiniTorch: a run with layers, tanh, batches, L2, noise and test points streams the
/// numbers of the command that the preview shows, bit for bit; a run that plays on goes past its epochs until paused
/// and its files are the command's with the epochs it reached; the pace can change while a run plays; the pictures are
/// the network's own outputs, show a wide layer's strongest units and the weights between those shown; a stuck run is
/// said to be stuck.
/// </summary>
[Trait("Task", "1.5")]
public sealed class TrainingBeyondMiniTorchApiTests : IClassFixture<SandboxFactory>
{
    private static readonly object Beyond = new
    {
        dataset = "circle",
        points = 40,
        widths = new[] { 6, 4 },
        activation = "tanh",
        rate = 0.3,
        epochs = 30,
        seed = 5,
        batch = 7,
        l2 = 0.01,
        noise = 0.2,
        test = 0.3,
    };

    private readonly SandboxFactory _factory;

    public TrainingBeyondMiniTorchApiTests(SandboxFactory factory) => _factory = factory;

    [Fact]
    public async Task A_run_beyond_minitorch_streams_the_numbers_of_the_command_its_preview_shows()
    {
        using var client = _factory.CreateClient();
        var preview = await PostAsync(client, "/api/trainings/preview", Beyond);
        var command = preview.GetProperty("command").GetString()!;
        var id = (await PostAsync(client, "/api/trainings", Beyond, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        using var events = await EventStream.OpenAsync(client, id);
        await SendAsync(client, $"/api/trainings/{id}/play");
        var frames = new List<(string Type, JsonElement Data)>();
        await events.UntilAsync("end", frames);

        Assert.Equal(
            "minitorch train --dataset circle --points 40 --hidden 6,4 --activation tanh --rate 0.3 --batch 7 --l2 0.01 --seed 5 --noise 0.2 --test 0.3 --epochs 30",
            command);
        Assert.Equal(12, preview.GetProperty("testPoints").GetArrayLength());
        var log = RunCommand(command);
        var rows = frames.SelectMany(f => f.Data.GetProperty("rows").EnumerateArray())
            .Select(r => $"{r.GetProperty("epoch").GetInt32()},{r.GetProperty("lossText").GetString()},{r.GetProperty("correct").GetInt32()},{r.GetProperty("testLossText").GetString()},{r.GetProperty("testCorrect").GetInt32()}");
        Assert.Equal(log.Skip(1), rows);
    }

    [Fact]
    public async Task A_run_that_plays_on_passes_its_epochs_until_paused_and_its_files_are_the_commands_with_the_epochs_reached()
    {
        using var client = _factory.CreateClient();
        var body = new { dataset = "xor", points = 20, hidden = 3, epochs = 5, seed = 2, runOn = true };
        var id = (await PostAsync(client, "/api/trainings", body, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        using var events = await EventStream.OpenAsync(client, id);
        await SendAsync(client, $"/api/trainings/{id}/play");
        JsonElement frame;
        do
        {
            frame = await events.UntilAsync("frame");
        }
        while (frame.GetProperty("epoch").GetInt32() <= 5);

        await SendAsync(client, $"/api/trainings/{id}/pause");
        do
        {
            frame = await events.UntilAsync("frame");
        }
        while (frame.GetProperty("state").GetString() == "running");

        var reached = frame.GetProperty("epoch").GetInt32();
        Assert.Equal("paused", frame.GetProperty("state").GetString());
        Assert.Equal(5, frame.GetProperty("epochs").GetInt32());
        var folder = Directory.CreateTempSubdirectory("minitorch-run-on-").FullName;
        try
        {
            Assert.Equal(0, MiniTorchCommand.Run(
                ["train", "--points", "20", "--hidden", "3", "--epochs", reached.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", "2", "--out", folder],
                TextWriter.Null, TextWriter.Null));
            foreach (var name in new[] { "model.json", "log.csv" })
            {
                Assert.Equal(File.ReadAllBytes(Path.Combine(folder, name)), await client.GetByteArrayAsync(new Uri($"/api/trainings/{id}/files/{name}", UriKind.Relative)));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
            await client.DeleteAsync(new Uri($"/api/trainings/{id}", UriKind.Relative));
        }
    }

    [Fact]
    public async Task The_pace_changes_while_a_run_plays_and_a_pace_outside_the_list_is_refused()
    {
        using var client = _factory.CreateClient();
        var id = (await PostAsync(client, "/api/trainings", new { points = 20, hidden = 3, epochs = 100_000, pace = "slow" }, HttpStatusCode.Created))
            .GetProperty("id").GetString()!;
        using var events = await EventStream.OpenAsync(client, id);
        await SendAsync(client, $"/api/trainings/{id}/play");
        var slow = await events.UntilAsync("frame");

        await SendAsync(client, $"/api/trainings/{id}/pace", new { pace = "max" });
        JsonElement frame;
        do
        {
            frame = await events.UntilAsync("frame");
        }
        while (frame.GetProperty("pace").GetString() != "max");
        var refused = await client.PostAsJsonAsync($"/api/trainings/{id}/pace", new { pace = "warp" });

        Assert.Equal("slow", slow.GetProperty("pace").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("pace must be slow, normal, fast, max", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await client.DeleteAsync(new Uri($"/api/trainings/{id}", UriKind.Relative));
    }

    [Fact]
    public async Task A_preview_s_picture_is_the_untrained_network_s_output_at_each_cell_centre()
    {
        using var client = _factory.CreateClient();
        var preview = await PostAsync(client, "/api/trainings/preview", new { dataset = "spiral", points = 30, widths = new[] { 5, 4, 3 }, activation = "sigmoid", seed = 8 });

        var picture = preview.GetProperty("picture");
        var settings = new TrainingSettings("spiral", 30, 5, 0.5, 500, 8) { Shape = new NetworkShape([5, 4, 3], NetworkShape.Sigmoid) };
        var network = settings.CreateNetwork();
        var (low, high) = BoundaryPlot.Square(settings.CreateDataset());
        var cells = picture.GetProperty("cells").GetInt32();
        var bytes = Convert.FromBase64String(picture.GetProperty("output").GetString()!);
        Assert.Equal((low, high), (picture.GetProperty("low").GetDouble(), picture.GetProperty("high").GetDouble()));
        for (var row = 0; row < cells; row += 7)
        {
            for (var column = 0; column < cells; column += 5)
            {
                var x1 = low + ((high - low) * (column + 0.5) / cells);
                var x2 = high - ((high - low) * (row + 0.5) / cells);
                var output = network.Call([Scalar.Constant(x1), Scalar.Constant(x2)]).Data;
                Assert.Equal((byte)Math.Round(255 * output), bytes[(row * cells) + column]);
            }
        }

        Assert.Equal([5, 4, 3], picture.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("width").GetInt32()));
        Assert.Equal(4, picture.GetProperty("links").GetArrayLength());
        Assert.All(picture.GetProperty("links").EnumerateArray(), link => Assert.Equal(JsonValueKind.Null, link.GetProperty("gradients").ValueKind));
    }

    [Fact]
    public async Task A_wide_layer_shows_its_twelve_strongest_units_and_the_weights_between_the_units_shown()
    {
        using var client = _factory.CreateClient();
        var preview = await PostAsync(client, "/api/trainings/preview", new { widths = new[] { 30, 20 }, seed = 4 });

        var picture = preview.GetProperty("picture");
        var layers = picture.GetProperty("layers").EnumerateArray().ToArray();
        var network = new TrainingSettings("xor", 50, 30, 0.5, 500, 4) { Shape = new NetworkShape([30, 20]) }.CreateNetwork();
        var next = network.Modules().OfType<Linear>().ToArray();
        for (var l = 0; l < 2; l++)
        {
            var shown = layers[l].GetProperty("units").EnumerateArray().Select(u => u.GetProperty("index").GetInt32()).ToArray();
            double Strength(int unit) => Enumerable.Range(0, next[l + 1].OutSize).Sum(j => Math.Abs(next[l + 1].Weight(unit, j).Value.Data));
            var weakestShown = shown.Min(Strength);
            Assert.Equal(12, shown.Length);
            Assert.All(Enumerable.Range(0, layers[l].GetProperty("width").GetInt32()).Except(shown), unit => Assert.True(Strength(unit) <= weakestShown));
        }

        var links = picture.GetProperty("links").EnumerateArray().ToArray();
        Assert.Equal((2, 12, 24), (links[0].GetProperty("from").GetArrayLength(), links[0].GetProperty("to").GetArrayLength(), links[0].GetProperty("weights").GetArrayLength()));
        Assert.Equal((12, 12, 144), (links[1].GetProperty("from").GetArrayLength(), links[1].GetProperty("to").GetArrayLength(), links[1].GetProperty("weights").GetArrayLength()));
        Assert.Equal((12, 1, 12), (links[2].GetProperty("from").GetArrayLength(), links[2].GetProperty("to").GetArrayLength(), links[2].GetProperty("weights").GetArrayLength()));
        var (from, to) = (links[1].GetProperty("from")[0].GetInt32(), links[1].GetProperty("to")[0].GetInt32());
        Assert.Equal(double.Parse(next[1].Weight(from, to).Value.Data.ToString("G6", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture), links[1].GetProperty("weights")[0].GetDouble());
    }

    [Fact]
    public async Task A_stuck_run_is_said_to_be_stuck_with_a_hint()
    {
        using var client = _factory.CreateClient();
        var id = (await PostAsync(client, "/api/trainings", new { rate = 5, epochs = 200 }, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        using var events = await EventStream.OpenAsync(client, id);
        await SendAsync(client, $"/api/trainings/{id}/step");
        var first = await events.UntilAsync("frame");
        await SendAsync(client, $"/api/trainings/{id}/play");
        var frames = new List<(string Type, JsonElement Data)>();
        var end = await events.UntilAsync("end", frames);

        Assert.Contains("training is stuck: the loss has not moved for 50 epochs", end.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("try a smaller rate", frames[^1].Data.GetProperty("warning").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, first.GetProperty("epoch").GetInt32());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("warning").ValueKind);
    }

    // Runs the command as the page shows it (its words after "minitorch") into a temporary folder; returns its log.
    private static string[] RunCommand(string command)
    {
        var folder = Directory.CreateTempSubdirectory("minitorch-shown-command-").FullName;
        try
        {
            Assert.Equal(0, MiniTorchCommand.Run([.. command.Split(' ').Skip(1), "--out", folder], TextWriter.Null, TextWriter.Null));
            return File.ReadAllLines(Path.Combine(folder, "log.csv"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.PostAsJsonAsync(path, body);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task SendAsync(HttpClient client, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = body is null ? SandboxFactory.NoBody() : JsonContent.Create(body),
        };
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(request)).StatusCode);
    }
}
