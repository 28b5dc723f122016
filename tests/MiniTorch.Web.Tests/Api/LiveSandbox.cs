using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using MiniTorch.Web.Training;

namespace MiniTorch.Web.Tests.Api;

/// <summary>
/// The sandbox on Kestrel at a free loopback port, started as <c>minitorch serve --port 0</c> starts it, for the browser
/// tests.
/// </summary>
public sealed class LiveSandbox : IAsyncLifetime
{
    private readonly int _maxTrainings;
    private WebApplication? _server;

    /// <summary>A server with the default cap.</summary>
    public LiveSandbox()
        : this(SandboxOptions.DefaultMaxTrainings)
    {
    }

    /// <summary>A server with its own cap.</summary>
    /// <param name="maxTrainings">The cap on trainings at once.</param>
    internal LiveSandbox(int maxTrainings) => _maxTrainings = maxTrainings;

    /// <summary>Where the server listens, for example <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The server's trainings.</summary>
    internal TrainingSessions Sessions => _server!.Services.GetRequiredService<TrainingSessions>();

    /// <summary>A client for the server.</summary>
    /// <returns>The client; dispose it.</returns>
    public HttpClient CreateClient() => new() { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(2) };

    public async Task InitializeAsync()
    {
        (_server, Address) = await SandboxServer.StartAsync(0, new SandboxOptions { MaxTrainings = _maxTrainings });
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
