using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace MiniTorch.Web.Tests.Api;

/// <summary>
/// Computing requests are bounded: at most <see cref="SandboxOptions.MaxComputations"/> are computed at once, up to
/// <see cref="SandboxOptions.QueuedComputations"/> more wait in turn, one more is refused at once with 429 and problem
/// details; cheap requests are answered meanwhile. A computation is held here by a body that the test has not finished
/// sending, and the test reads the server's count of computations before it goes on, so that which requests are in
/// progress is decided by the test, not by timing.
/// </summary>
[Trait("Task", "1.5")]
public sealed class ComputeLimitTests
{
    private const string Expression = """{"expression":"x * x"}""";

    [Fact]
    public async Task Beyond_the_running_and_queued_computations_one_more_is_refused_with_429_while_cheap_requests_are_answered()
    {
        await using var server = await Started(new SandboxOptions { MaxComputations = 1, QueuedComputations = 1 });
        using var client = server.Sandbox.CreateClient();
        var running = new HeldContent(Expression);
        var queued = new HeldContent(Expression);
        var first = client.PostAsync(new Uri("/api/expression", UriKind.Relative), running);
        await UntilAsync(server.Sandbox, running: 1, queued: 0);
        var second = client.PostAsync(new Uri("/api/functions", UriKind.Relative), queued);
        await UntilAsync(server.Sandbox, running: 1, queued: 1);

        var refused = await client.PostAsJsonAsync("/api/trainings/preview", new { dataset = "xor" });
        var page = await client.GetAsync(new Uri("/", UriKind.Relative));
        var form = await client.GetAsync(new Uri("/api/trainings/form", UriKind.Relative));
        var control = await client.PostAsync(new Uri("/api/trainings/0123456789abcdef0123456789abcdef/play", UriKind.Relative), SandboxFactory.NoBody());
        queued.Release();
        running.Release();

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("1 computations are running and 1 waiting on this server; try again when they are done.", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, control.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second).StatusCode);
    }

    [Theory]
    [InlineData("/api/expression")]
    [InlineData("/api/functions")]
    [InlineData("/api/trainings/preview")]
    [InlineData("/api/module")]
    [InlineData("/api/model-graph")]
    [InlineData("/api/trainings/")]
    [InlineData("/api/manual")]
    public async Task Every_computing_endpoint_is_bounded(string path)
    {
        await using var server = await Started(new SandboxOptions { MaxComputations = 1, QueuedComputations = 0 });
        using var client = server.Sandbox.CreateClient();
        var running = new HeldContent(Expression);
        var first = client.PostAsync(new Uri("/api/expression", UriKind.Relative), running);
        await UntilAsync(server.Sandbox, running: 1, queued: 0);

        var refused = await client.PostAsJsonAsync(path, new { dataset = "xor" });
        running.Release();

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first).StatusCode);
    }

    // A real server (through the test server, a request with a body held back never reached the endpoints), stopped
    // when disposed.
    private static async Task<Running> Started(SandboxOptions options)
    {
        var sandbox = new LiveSandbox(options);
        await sandbox.InitializeAsync();
        return new Running(sandbox);
    }

    // A bounded wait for the server to count the requests sent; the bound guards against a hang only.
    private static async Task UntilAsync(LiveSandbox sandbox, int running, int queued)
    {
        var limit = sandbox.Services.GetRequiredService<ComputeLimit>();
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var now = limit.Statistics;
            if (now.CurrentAvailablePermits == 1 - running && now.CurrentQueuedCount == queued)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"the server never had {running} computation running and {queued} waiting");
    }

    private sealed record Running(LiveSandbox Sandbox) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await Sandbox.DisposeAsync();
    }

    /// <summary>A JSON body that sends its first byte, then waits for <see cref="Release"/> before it sends the rest.</summary>
    private sealed class HeldContent : HttpContent
    {
        private readonly byte[] _bytes;
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public HeldContent(string json)
        {
            _bytes = Encoding.UTF8.GetBytes(json);
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        public void Release() => _released.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(_bytes.AsMemory(0, 1));
            await stream.FlushAsync();
            await _released.Task;
            await stream.WriteAsync(_bytes.AsMemory(1));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
