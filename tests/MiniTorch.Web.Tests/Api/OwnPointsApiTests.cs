using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MiniTorch.Cli;

namespace MiniTorch.Web.Tests.Api;

/// <summary>
/// Task 1.5 on your own points through the sandbox's API: a CSV of x1,x2,label is read as <c>minitorch train --data</c>
/// reads it, training on it gives the command's final loss and log bit for bit, and a bad line is refused with 400
/// naming the line.
/// </summary>
[Trait("Task", "1.5")]
public sealed class OwnPointsApiTests : IClassFixture<SandboxFactory>
{
    private readonly SandboxFactory _factory;

    public OwnPointsApiTests(SandboxFactory factory) => _factory = factory;

    [Fact]
    public async Task A_preview_shows_the_points_of_the_CSV_in_its_order()
    {
        using var client = _factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/trainings/preview", new { dataset = "points", csv = "x1,x2,label\n0.25,0.75,1\n\n 0.5 , 0 , 0\n" });
        var preview = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([(0.25, 0.75), (0.5, 0.0)], preview.GetProperty("points").EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble())));
        Assert.Equal([1, 0], preview.GetProperty("labels").EnumerateArray().Select(l => l.GetInt32()));
    }

    [Fact]
    public async Task Training_on_a_CSV_gives_minitorch_train_data_s_final_loss_and_log_bit_for_bit()
    {
        var data = Datasets.Create("Circle", 30, 7);
        var csv = string.Join('\n', data.Points.Select((p, k) => string.Create(CultureInfo.InvariantCulture, $"{p.X1:R},{p.X2:R},{data.Labels[k]}")));
        using var client = _factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/trainings", new { dataset = "points", csv, hidden = 4, rate = 0.5, epochs = 40, seed = 3 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        using var events = await EventStream.OpenAsync(client, id);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync(new Uri($"/api/trainings/{id}/play", UriKind.Relative), SandboxFactory.NoBody())).StatusCode);
        var end = await events.UntilAsync("end");

        var folder = Directory.CreateTempSubdirectory("minitorch-serve-test-").FullName;
        try
        {
            var file = Path.Combine(folder, "points.csv");
            await File.WriteAllTextAsync(file, csv);
            using var output = new StringWriter();
            var exit = MiniTorchCommand.Run(
                ["train", "--data", file, "--hidden", "4", "--rate", "0.5", "--epochs", "40", "--seed", "3", "--out", Path.Combine(folder, "run")],
                output, TextWriter.Null);
            Assert.Equal(0, exit);

            var printed = output.ToString();
            var loss = printed[(printed.IndexOf(": loss ", StringComparison.Ordinal) + ": loss ".Length)..].Split(',')[0];
            Assert.Equal(loss, end.GetProperty("finalLossText").GetString());
            var log = await client.GetByteArrayAsync(new Uri($"/api/trainings/{id}/files/log.csv", UriKind.Relative));
            Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "run", "log.csv")), log);
            Assert.False(File.Exists(Path.Combine(folder, "run", "model.json")));
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/api/trainings/{id}/files/model.json", UriKind.Relative))).StatusCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("0.1,0.2,1\n0.3,0.4,2", 2, "label \"2\" must be 0 or 1")]
    [InlineData("x1,x2,label\n0.1,0.2,1\n1.5,0.4,0", 3, "outside [0, 1]")]
    [InlineData("0.1,0.2", 1, "expected 3 values")]
    [InlineData("x1,x2,label\n", 2, "no points")]
    public async Task A_bad_line_is_400_naming_the_line(string csv, int line, string problem)
    {
        using var client = _factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/trainings", new { dataset = "points", csv });
        var details = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(line, details.GetProperty("line").GetInt32());
        var message = details.GetProperty("errors").GetProperty("csv")[0].GetString()!;
        Assert.StartsWith($"line {line}: ", message, StringComparison.Ordinal);
        Assert.Contains(problem, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_than_1000_rows_are_refused_at_row_1001()
    {
        using var client = _factory.CreateClient();
        var csv = string.Join('\n', Enumerable.Repeat("0.5,0.5,1", 1001));

        var details = await (await client.PostAsJsonAsync("/api/trainings/preview", new { dataset = "points", csv })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(1001, details.GetProperty("line").GetInt32());
    }

    [Theory]
    [InlineData("""{"dataset": "points"}""")]
    [InlineData("""{"dataset": "points", "csv": "  "}""")]
    [InlineData("""{"dataset": "xor", "csv": "0.1,0.2,1"}""")]
    [InlineData("""{"dataset": "points", "csv": 3}""")]
    public async Task Missing_or_misplaced_CSV_text_is_400_naming_csv(string body)
    {
        using var client = _factory.CreateClient();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await client.PostAsync(new Uri("/api/trainings", UriKind.Relative), content);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("csv", out _), problem.ToString());
    }
}
