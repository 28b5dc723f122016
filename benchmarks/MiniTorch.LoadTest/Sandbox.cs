using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using MiniTorch.Web;
using MiniTorch.Web.Training;

namespace MiniTorch.LoadTest;

/// <summary>A sandbox server on a free loopback port, and clients that send the page's Origin as its browser does.</summary>
internal sealed class Sandbox : IAsyncDisposable
{
    private readonly WebApplication _server;

    private Sandbox(WebApplication server, Uri address)
    {
        _server = server;
        Address = address;
    }

    /// <summary>Where the server listens.</summary>
    public Uri Address { get; }

    /// <summary>The page's origin, for example <c>http://127.0.0.1:40123</c>.</summary>
    public string Origin => Address.GetLeftPart(UriPartial.Authority);

    /// <summary>The server's trainings.</summary>
    public TrainingSessions Sessions => _server.Services.GetRequiredService<TrainingSessions>();

    /// <summary>Starts a server.</summary>
    /// <param name="options">Its limits.</param>
    /// <param name="stop">Cancels starting.</param>
    /// <returns>The running server.</returns>
    public static async Task<Sandbox> StartAsync(SandboxOptions options, CancellationToken stop)
    {
        var (server, address) = await SandboxServer.StartAsync(0, options, stop);
        return new Sandbox(server, address);
    }

    /// <summary>A client of the page.</summary>
    /// <returns>The client; dispose it.</returns>
    public HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(10) };
        client.DefaultRequestHeaders.Add("Origin", Origin);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync(CancellationToken.None);
        await _server.DisposeAsync();
    }
}
