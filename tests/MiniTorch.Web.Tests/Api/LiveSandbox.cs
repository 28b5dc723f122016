using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using MiniTorch.Web.Training;

namespace MiniTorch.Web.Tests.Api;

/// <summary>
/// The sandbox on Kestrel at a free loopback port, started as <c>minitorch serve --port 0</c> starts it, for the browser
/// tests and for what needs a real connection (a body sent slowly, a stream not read).
/// </summary>
public sealed class LiveSandbox : IAsyncLifetime
{
    private readonly SandboxOptions _options;
    private WebApplication? _server;

    /// <summary>A server with the default limits.</summary>
    public LiveSandbox()
        : this(new SandboxOptions())
    {
    }

    /// <summary>A server with its own limits.</summary>
    /// <param name="options">The limits.</param>
    internal LiveSandbox(SandboxOptions options) => _options = options;

    /// <summary>Where the server listens, for example <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The server's services.</summary>
    internal IServiceProvider Services => _server!.Services;

    /// <summary>The server's trainings.</summary>
    internal TrainingSessions Sessions => Services.GetRequiredService<TrainingSessions>();

    /// <summary>A client for the server that sends the page's Origin, as the page's browser does.</summary>
    /// <returns>The client; dispose it.</returns>
    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Add("Origin", Address.GetLeftPart(UriPartial.Authority));
        return client;
    }

    public async Task InitializeAsync()
    {
        (_server, Address) = await SandboxServer.StartAsync(0, _options);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.StopAsync();
            await _server.DisposeAsync();
        }
    }
}
