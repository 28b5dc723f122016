using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using MiniTorch.Web.Training;

namespace MiniTorch.Web.Tests.Api;

/// <summary>
/// A training's resources are its place's: reset, or abandoned by its page (the stream dropped, or held open and not
/// read), a training ends within the epoch under way and starts no other, and its place under the cap is free only
/// once it has stopped computing.
/// </summary>
[Trait("Task", "1.5")]
public sealed class AbandonedTrainingTests
{
    // Epochs of about a second each (a debug build): the graph engine on a wide network.
    private static readonly object Heavy = new { dataset = "xor", points = 100, hidden = 60, epochs = 100_000, engine = "graph" };

    [Fact]
    public async Task A_reset_training_runs_at_most_the_epoch_under_way()
    {
        using var factory = new SandboxFactory(1);
        using var client = factory.CreateClient();
        var (id, session) = await StartAsync(factory, client, new { dataset = "xor", points = 20, hidden = 3, epochs = 100_000 });
        using var events = await EventStream.OpenAsync(client, id);
        await PostAsync(client, $"/api/trainings/{id}/play");
        await events.UntilAsync("frame");

        await SendAsync(client, HttpMethod.Delete, $"/api/trainings/{id}");
        var epochsWhenReset = session.Read(run => run.Epochs.Count);
        await session.Completion.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal("stopped", session.End!.Reason);
        Assert.InRange(session.End.Epoch, epochsWhenReset, epochsWhenReset + 1);
    }

    [Fact]
    public async Task An_abandoned_training_keeps_its_place_until_it_has_stopped_computing()
    {
        using var factory = new SandboxFactory(1);
        using var client = factory.CreateClient();
        var (id, session) = await StartAsync(factory, client, Heavy);
        using (var events = await EventStream.OpenAsync(client, id))
        {
            await PostAsync(client, $"/api/trainings/{id}/play");
            await events.UntilAsync("frame");
        }

        await WaitForAsync(() => factory.Sessions.Find(id) is null);
        var during = await client.PostAsJsonAsync("/api/trainings", new { dataset = "xor" });
        var stoppedBefore = session.Completion.IsCompleted;
        await session.Completion.WaitAsync(TimeSpan.FromMinutes(2));
        if (during.StatusCode == HttpStatusCode.Created)
        {
            var other = (await during.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
            await SendAsync(client, HttpMethod.Delete, $"/api/trainings/{other}");
        }

        await WaitForAsync(() => factory.Sessions.Running == 0);
        var after = await client.PostAsJsonAsync("/api/trainings", new { dataset = "xor" });

        // Either the new training was refused, or the old one had stopped before it was let in: never both at once.
        Assert.True(during.StatusCode == HttpStatusCode.TooManyRequests || stoppedBefore, $"a training started ({during.StatusCode}) while the abandoned one still computed");
        Assert.Equal("stopped", session.End!.Reason);
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
    }

    [Fact]
    public async Task A_stream_held_open_and_not_read_is_closed_after_the_write_timeout_and_its_training_stops()
    {
        var sandbox = new LiveSandbox(new SandboxOptions { MaxTrainings = 1, StreamWriteTimeout = TimeSpan.FromSeconds(1) });
        await sandbox.InitializeAsync();
        try
        {
            using var client = sandbox.CreateClient();
            var created = await client.PostAsJsonAsync("/api/trainings", new { dataset = "xor", points = 150, hidden = 10, epochs = 100_000 });
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            var session = sandbox.Sessions.Find(id)!;
            using var unread = await OpenWithoutReadingAsync(sandbox.Address, id);
            await WaitForAsync(() => session.Attached);

            await PostAsync(client, $"/api/trainings/{id}/play");
            await session.Completion.WaitAsync(TimeSpan.FromMinutes(2));

            await WaitForAsync(() => sandbox.Sessions.Running == 0);
            Assert.Equal("stopped", session.End!.Reason);
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/trainings", new { dataset = "xor" })).StatusCode);
        }
        finally
        {
            await sandbox.DisposeAsync();
        }
    }

    private static async Task<(string Id, TrainingSession Session)> StartAsync(SandboxFactory factory, HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/trainings", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        return (id, factory.Sessions.Find(id)!);
    }

    // A client that asks for the event stream over a socket with a small receive buffer and never reads from it.
    private static async Task<Socket> OpenWithoutReadingAsync(Uri address, string id)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
        await socket.ConnectAsync(IPAddress.Loopback, address.Port);
        await socket.SendAsync(Encoding.ASCII.GetBytes($"GET /api/trainings/{id}/events HTTP/1.1\r\nHost: {address.Authority}\r\n\r\n"));
        return socket;
    }

    private static Task PostAsync(HttpClient client, string path) => SendAsync(client, HttpMethod.Post, path);

    private static async Task SendAsync(HttpClient client, HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = SandboxFactory.NoBody() };
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(request)).StatusCode);
    }

    // A bounded wait for something the server does in the background; the bound guards against a hang only.
    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var attempt = 0; attempt < 1200 && !condition(); attempt++)
        {
            await Task.Delay(100);
        }

        Assert.True(condition(), "the server did not get there within two minutes");
    }
}
