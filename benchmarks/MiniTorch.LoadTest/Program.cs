// The load test of the sandbox (dotnet run -c Release --project benchmarks/MiniTorch.LoadTest [-- CLIENTS]): a server
// on a free loopback port with the cap raised to the number of clients, and that many clients at once, each creating
// an Xor training with the page's defaults, watching its event stream to the final event and resetting it. It checks
// every final loss against the library's, counts failed requests, and compares the server's managed memory after a
// first round with that after a second. Bounded: two trainings per client, and the run is cancelled after five minutes.
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using MiniTorch;
using MiniTorch.Runs;
using MiniTorch.Web;

var clients = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
var settings = TrainingSettings.Recommended("xor");
var expected = new Trainer(settings.CreateNetwork(), settings.CreateDataset(), settings.LearningRate, new TapeEngine())
    .Train(settings.Epochs).Final.TotalLoss.ToString("R", CultureInfo.InvariantCulture);
using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
var (server, address) = await SandboxServer.StartAsync(0, new SandboxOptions { MaxTrainings = clients }, limit.Token);
await using (server)
{
    using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
    // A first round warms up the JIT and the server's buffer pools; the second shows whether memory grows with use.
    await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => TrainAsync(http, expected, limit.Token)));
    var before = Memory();
    var clock = Stopwatch.StartNew();
    var results = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => TrainAsync(http, expected, limit.Token)));
    var elapsed = clock.Elapsed;
    var after = Memory();
    var right = results.Count(r => r.Matches);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"clients {clients}, Xor 500 epochs each, expected final loss {expected}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"finished with the right final loss: {right}/{clients}; failed requests: {results.Sum(r => r.Failures)}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wall time {elapsed.TotalSeconds:F1} s; frames received {results.Sum(r => r.Frames)}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"server managed memory after a full GC: after a first round {before / 1e6:F1} MB, after the measured round {after / 1e6:F1} MB"));
    await server.StopAsync(CancellationToken.None);
    return right == clients && results.All(r => r.Failures == 0) ? 0 : 1;
}

static long Memory()
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    return GC.GetTotalMemory(forceFullCollection: true);
}

static async Task<Result> TrainAsync(HttpClient http, string expected, CancellationToken stop)
{
    var failures = 0;
    var created = await http.PostAsJsonAsync("/api/trainings", new { dataset = "xor" }, stop);
    if (!created.IsSuccessStatusCode)
    {
        return new Result(false, 1, 0);
    }

    var id = (await created.Content.ReadFromJsonAsync<JsonElement>(stop)).GetProperty("id").GetString();
    using var stream = await http.GetStreamAsync(new Uri($"/api/trainings/{id}/events", UriKind.Relative), stop);
    using var reader = new StreamReader(stream);
    failures += (await http.PostAsync(new Uri($"/api/trainings/{id}/play", UriKind.Relative), null, stop)).IsSuccessStatusCode ? 0 : 1;
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

    failures += (await http.DeleteAsync(new Uri($"/api/trainings/{id}", UriKind.Relative), stop)).IsSuccessStatusCode ? 0 : 1;
    return new Result(finalLoss == expected, failures, frames);
}

internal sealed record Result(bool Matches, int Failures, int Frames);
