using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MiniTorch.Runs;
using MiniTorch.Web;

namespace MiniTorch.LoadTest;

/// <summary>
/// Part 1: many clients at once, each training Xor with the page's defaults to its final event, twice; every final
/// loss must be the library's, and memory must not grow from one round to the next.
/// </summary>
internal static class ManyClients
{
    /// <summary>Runs the part and prints its results.</summary>
    /// <param name="clients">How many clients train at once.</param>
    /// <param name="stop">Cancels the run.</param>
    /// <returns>Whether every training ended with the library's final loss and no request failed.</returns>
    public static async Task<bool> RunAsync(int clients, CancellationToken stop)
    {
        var settings = TrainingSettings.Recommended("xor");
        var expected = new Trainer(settings.CreateNetwork(), settings.CreateDataset(), settings.LearningRate, new TapeEngine())
            .Train(settings.Epochs, cancellationToken: stop).Final.TotalLoss.ToString("R", CultureInfo.InvariantCulture);
        await using var sandbox = await Sandbox.StartAsync(new SandboxOptions { MaxTrainings = clients }, stop);
        using var http = sandbox.Client();

        // A first round warms up the JIT and the server's buffer pools; the second shows whether memory grows with use.
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => TrainAsync(http, expected, stop)));
        var before = Report.ManagedMemory();
        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => TrainAsync(http, expected, stop)));
        var elapsed = clock.Elapsed;
        var after = Report.ManagedMemory();
        var right = results.Count(r => r.Matches);
        Report.Line($"1. clients {clients}, Xor 500 epochs each, expected final loss {expected}");
        Report.Line($"   finished with the right final loss: {right}/{clients}; failed requests: {results.Sum(r => r.Failures)}");
        Report.Line($"   wall time {elapsed.TotalSeconds:F1} s; frames received {results.Sum(r => r.Frames)}");
        Report.Line($"   managed memory after a full GC: after a first round {Report.Megabytes(before):F1} MB, after the measured round {Report.Megabytes(after):F1} MB");
        return right == clients && results.All(r => r.Failures == 0);
    }

    private static async Task<Result> TrainAsync(HttpClient http, string expected, CancellationToken stop)
    {
        var failures = 0;
        var (id, _) = await Requests.StartAsync(http, new { dataset = "xor" }, stop);
        if (id is null)
        {
            return new Result(false, 1, 0);
        }

        using var stream = await http.GetStreamAsync(new Uri($"/api/trainings/{id}/events", UriKind.Relative), stop);
        using var reader = new StreamReader(stream);
        failures += await Requests.ControlAsync(http, HttpMethod.Post, $"/api/trainings/{id}/play", stop) ? 0 : 1;
        var (frames, type) = (0, string.Empty);
        string? finalLoss = null;
        while (await reader.ReadLineAsync(stop) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                type = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                frames += type == "frame" ? 1 : 0;
                if (type == "end")
                {
                    finalLoss = JsonDocument.Parse(line[6..]).RootElement.GetProperty("finalLossText").GetString();
                }
            }
        }

        failures += await Requests.ControlAsync(http, HttpMethod.Delete, $"/api/trainings/{id}", stop) ? 0 : 1;
        return new Result(finalLoss == expected, failures, frames);
    }

    private sealed record Result(bool Matches, int Failures, int Frames);
}
