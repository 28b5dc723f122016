using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using MiniTorch.Web;

namespace MiniTorch.LoadTest;

/// <summary>
/// Part 2: what another site's page could make the browser send is refused before any work (403, no training
/// started), and a burst of the heaviest computing requests leaves the page answered at once: the computations are
/// bounded, the rest wait in turn or are refused with 429.
/// </summary>
internal static class HostileRequests
{
    private const int Burst = 40;

    /// <summary>Runs the part and prints its results.</summary>
    /// <param name="stop">Cancels the run.</param>
    /// <returns>Whether every request of another site was refused with 403 and no training started.</returns>
    public static async Task<bool> RunAsync(CancellationToken stop)
    {
        var options = new SandboxOptions();
        await using var sandbox = await Sandbox.StartAsync(options, stop);
        using var page = sandbox.Client();
        using var other = new HttpClient { BaseAddress = sandbox.Address };

        var refusals = new[]
        {
            await SendAsync(other, "/api/trainings/", "text/plain", "https://evil.example", stop),
            await SendAsync(other, "/api/trainings/", "application/json", "https://evil.example", stop),
            await SendAsync(other, "/api/trainings/", "application/json", origin: null, stop),
            await SendAsync(other, "/api/expression", "text/plain", sandbox.Origin, stop),
        };
        var started = sandbox.Sessions.Running;
        Report.Line($"2. requests of another site: {string.Join(", ", refusals.Select(s => (int)s))} (403 expected); trainings started by them: {started}");

        // The longest expression the sandbox takes, evaluated, checked, drawn as DOT and traced backward.
        var longest = string.Join(" * ", Enumerable.Repeat("x", 2500));
        var clock = Stopwatch.StartNew();
        var burst = Enumerable.Range(0, Burst).Select(_ => page.PostAsJsonAsync("/api/expression", new { expression = longest }, stop)).ToList();
        var pageTimes = new List<double>();
        while (burst.Any(b => !b.IsCompleted))
        {
            var fetch = Stopwatch.StartNew();
            using var response = await page.GetAsync(new Uri("/", UriKind.Relative), stop);
            pageTimes.Add(fetch.Elapsed.TotalMilliseconds);
            await Task.Delay(50, stop);
        }

        var statuses = (await Task.WhenAll(burst)).Select(r => (int)r.StatusCode).ToList();
        pageTimes.Sort();
        Report.Line($"   {Burst} expressions of {longest.Length} characters at once (at most {options.MaxComputations} computed at a time, {options.QueuedComputations} waiting): {statuses.Count(s => s == 200)} answered, {statuses.Count(s => s == 429)} refused with 429, in {clock.Elapsed.TotalSeconds:F1} s");
        Report.Line($"   the page fetched {pageTimes.Count} times meanwhile: median {pageTimes[pageTimes.Count / 2]:F1} ms, slowest {pageTimes[^1]:F1} ms");
        return refusals.All(s => s == HttpStatusCode.Forbidden) && started == 0 && statuses.All(s => s is 200 or 429);
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, string path, string type, string? origin, CancellationToken stop)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent("""{"dataset":"xor","expression":"x"}""", Encoding.UTF8, type),
        };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        using var response = await client.SendAsync(request, stop);
        return response.StatusCode;
    }
}
