using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MiniTorch.Web.Tests.Browser;

/// <summary>
/// Another web site, as far as the browser can tell: a page without any policy served from another loopback port (so
/// another origin), which scripts can use to send requests to the sandbox the way any site the user visits could.
/// </summary>
/// <remarks>
/// It must be a real server: Chromium refuses a request from a page it did not load from a loopback address (such as
/// one fulfilled by Playwright) to a loopback address before sending it, which would hide what the sandbox does.
/// </remarks>
internal sealed class OtherSite : IAsyncDisposable
{
    private readonly WebApplication _server;

    private OtherSite(WebApplication server, Uri address)
    {
        _server = server;
        Address = address;
    }

    /// <summary>The page's address, for example <c>http://127.0.0.1:40125/</c>.</summary>
    public Uri Address { get; }

    /// <summary>Starts the site on a free port.</summary>
    /// <returns>The running site; dispose it to stop it.</returns>
    public static async Task<OtherSite> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var server = builder.Build();
        server.Run(context => context.Response.WriteAsync("<!doctype html><title>another site</title>"));
        await server.StartAsync();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new OtherSite(server, new Uri(address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        await _server.DisposeAsync();
    }
}
