using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MiniTorch.Web.Training;

namespace MiniTorch.Web.Tests.Api;

/// <summary>
/// The sandbox in a test server, set up by <see cref="SandboxServer"/>'s own <c>AddSandbox</c> and <c>UseSandbox</c>.
/// The sandbox is a library (the minitorch command starts it), so the host is built here rather than found through an
/// entry point; the factory's type argument is this test assembly, whose entry point the test SDK generates.
/// </summary>
public sealed class SandboxFactory : WebApplicationFactory<SandboxFactory>
{
    private readonly SandboxOptions _options;

    // The factory looks for the content root of the assembly of its type argument before it builds the host; the page
    // is embedded, so the test's own folder does.
    static SandboxFactory() =>
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_MINITORCH_WEB_TESTS", AppContext.BaseDirectory);

    /// <summary>A server with the default cap.</summary>
    public SandboxFactory()
        : this(SandboxOptions.DefaultMaxTrainings)
    {
    }

    /// <summary>A server with its own cap.</summary>
    /// <param name="maxTrainings">The cap on trainings at once.</param>
    internal SandboxFactory(int maxTrainings)
        : this(new SandboxOptions { MaxTrainings = maxTrainings })
    {
    }

    /// <summary>A server with its own limits.</summary>
    /// <param name="options">The limits.</param>
    internal SandboxFactory(SandboxOptions options) => _options = options;

    /// <summary>The body of a request that sends none, as the page sends play, pause, step and reset: empty, but JSON.</summary>
    /// <returns>The content.</returns>
    public static HttpContent NoBody() => new StringContent(string.Empty, System.Text.Encoding.UTF8, "application/json");

    /// <summary>The server's trainings, to see how many are running.</summary>
    internal TrainingSessions Sessions => Services.GetRequiredService<TrainingSessions>();

    /// <summary>The origin of the page as the test server serves it, which a browser would send as Origin.</summary>
    public static string PageOrigin => "http://localhost";

    /// <inheritdoc/>
    /// <remarks>Every client sends the page's Origin, as the browser does for the page's requests.</remarks>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add("Origin", PageOrigin);
    }

    /// <inheritdoc/>
    protected override IHostBuilder CreateHostBuilder() =>
        Host.CreateDefaultBuilder().ConfigureWebHost(web => web
            .UseContentRoot(AppContext.BaseDirectory)
            .ConfigureServices(services => SandboxServer.AddSandbox(services, _options))
            .Configure(SandboxServer.UseSandbox));
}
