using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MiniTorch.Web;

namespace MiniTorch.LoadTest;

/// <summary>
/// Part 3: heavy trainings (hidden 200, 150 points) abandoned by their page, on a server with the page's limits, by
/// four clients that each start the next one as soon as they have abandoned one. Even ones train on the graph engine
/// and their stream is dropped half a second after they start; odd ones train on the tape engine, whose frames come
/// every 100 ms, and their stream is held open and never read, so the connection fills and the write timeout closes
/// it. Each must stop soon after, keep its place under the cap until it has stopped, and leave nothing behind.
/// </summary>
internal static class AbandonedTrainings
{
    private const int Clients = 4;
    private static readonly TimeSpan ComputeBeforeDropping = TimeSpan.FromMilliseconds(500);

    /// <summary>Runs the part and prints its results.</summary>
    /// <param name="count">How many trainings to abandon.</param>
    /// <param name="stop">Cancels the run.</param>
    /// <returns>Whether no more trainings than the cap ever ran and memory came back to within 10% of where it was.</returns>
    public static async Task<bool> RunAsync(int count, CancellationToken stop)
    {
        var options = new SandboxOptions { StreamWriteTimeout = TimeSpan.FromSeconds(5) };
        await using var sandbox = await Sandbox.StartAsync(options, stop);
        using var http = sandbox.Client();
        var stopped = new ConcurrentBag<(bool NeverRead, TimeSpan Latency)>();
        var stopping = new ConcurrentBag<Task>();

        // One of each kind first, so that the JIT and the server's pools are warm when the baseline is taken.
        await AbandonAsync(sandbox, http, 0, [], stopping, stop);
        await AbandonAsync(sandbox, http, 1, [], stopping, stop);
        await Task.WhenAll(stopping);
        stopping.Clear();
        await UntilStoppedAsync(sandbox, stop);
        var before = Report.ResidentAfterCollection();

        using var sampling = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var peaks = SampleAsync(sandbox, sampling.Token);
        var clock = Stopwatch.StartNew();
        var next = -1;
        var refusals = await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
        {
            var refused = 0;
            for (var k = Interlocked.Increment(ref next); k < count; k = Interlocked.Increment(ref next))
            {
                refused += await AbandonAsync(sandbox, http, k, stopped, stopping, stop);
            }

            return refused;
        }));
        await Task.WhenAll(stopping);
        await UntilStoppedAsync(sandbox, stop);
        var elapsed = clock.Elapsed;
        await sampling.CancelAsync();
        var (running, threads, resident) = await peaks;
        var settled = Report.Resident();
        var after = Report.ResidentAfterCollection();

        Report.Line($"3. {count} heavy trainings abandoned (hidden 200, 150 points; graph engine with the stream dropped after {ComputeBeforeDropping.TotalSeconds} s, tape engine with the stream never read), {Clients} clients, cap {options.MaxTrainings}, write timeout {options.StreamWriteTimeout.TotalSeconds} s");
        Report.Line($"   all stopped after {elapsed.TotalSeconds:F1} s; starts refused with 429 while the places were held: {refusals.Sum()}");
        Report.Line($"   from abandoned to stopped: graph (stream dropped) {Latencies(stopped, neverRead: false)}; tape (stream never read, from the start) {Latencies(stopped, neverRead: true)}");
        Report.Line($"   at most {running} trainings running at once, {threads} threads, {Report.Megabytes(resident):F0} MB resident");
        Report.Line($"   resident memory: before {Report.Megabytes(before):F1} MB (after a full GC), peak {Report.Megabytes(resident):F1} MB, when all had stopped {Report.Megabytes(settled):F1} MB, after a full GC {Report.Megabytes(after):F1} MB ({100.0 * (after - before) / before:+0.0;-0.0}% of before)");
        return running <= options.MaxTrainings && stopped.Count == count && after <= before * 1.1;
    }

    // Starts one heavy training and abandons it, without waiting for it to stop: adds to `stopping` the task that
    // records in `stopped` how long it took to stop from the moment it was abandoned. Returns how many times its start
    // was refused (429) before a place was free.
    private static async Task<int> AbandonAsync(
        Sandbox sandbox, HttpClient http, int k, ConcurrentBag<(bool, TimeSpan)> stopped, ConcurrentBag<Task> stopping, CancellationToken stop)
    {
        var neverRead = k % 2 == 1;
        var settings = new { dataset = "xor", points = 150, hidden = 200, epochs = 100_000, engine = neverRead ? "tape" : "graph" };
        var refused = 0;
        string? id;
        while ((id = (await Requests.StartAsync(http, settings, stop)).Id) is null)
        {
            refused++;
            await Task.Delay(100, stop);
        }

        var session = sandbox.Sessions.Find(id)!;
        if (neverRead)
        {
            // The socket is left open, unread, until the server closes it; it is disposed once the training has stopped.
            var socket = await OpenWithoutReadingAsync(sandbox.Address, id, stop);
            _ = session.Completion.ContinueWith(_ => socket.Dispose(), TaskScheduler.Default);
            while (!session.Attached)
            {
                await Task.Delay(10, stop);
            }

            await Requests.ControlAsync(http, HttpMethod.Post, $"/api/trainings/{id}/play", stop);
        }
        else
        {
            using var response = await http.GetAsync(new Uri($"/api/trainings/{id}/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, stop);
            await Requests.ControlAsync(http, HttpMethod.Post, $"/api/trainings/{id}/play", stop);
            await Task.Delay(ComputeBeforeDropping, stop);
        }

        var abandoned = Stopwatch.StartNew();
        stopping.Add(session.Completion.ContinueWith(_ => stopped.Add((neverRead, abandoned.Elapsed)), TaskScheduler.Default));
        return refused;
    }

    private static async Task<Socket> OpenWithoutReadingAsync(Uri address, string id, CancellationToken stop)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
        await socket.ConnectAsync(IPAddress.Loopback, address.Port, stop);
        await socket.SendAsync(Encoding.ASCII.GetBytes($"GET /api/trainings/{id}/events HTTP/1.1\r\nHost: {address.Authority}\r\n\r\n"), stop);
        return socket;
    }

    private static async Task UntilStoppedAsync(Sandbox sandbox, CancellationToken stop)
    {
        while (sandbox.Sessions.Running > 0)
        {
            await Task.Delay(100, stop);
        }
    }

    // The median and the longest time from abandoned to stopped of one kind, for the report.
    private static string Latencies(IEnumerable<(bool NeverRead, TimeSpan Latency)> stopped, bool neverRead)
    {
        var seconds = stopped.Where(s => s.NeverRead == neverRead).Select(s => s.Latency.TotalSeconds).Order().ToList();
        return seconds.Count == 0 ? "none" : FormattableString.Invariant($"median {seconds[seconds.Count / 2]:F2} s, longest {seconds[^1]:F2} s ({seconds.Count})");
    }

    // The most trainings running, threads and resident memory seen, sampled every 50 ms until cancelled.
    private static async Task<(int Running, int Threads, long Resident)> SampleAsync(Sandbox sandbox, CancellationToken stop)
    {
        var (running, threads, resident) = (0, 0, 0L);
        while (!stop.IsCancellationRequested)
        {
            running = Math.Max(running, sandbox.Sessions.Running);
            threads = Math.Max(threads, Report.Threads());
            resident = Math.Max(resident, Report.Resident());
            try
            {
                await Task.Delay(50, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return (running, threads, resident);
    }
}
