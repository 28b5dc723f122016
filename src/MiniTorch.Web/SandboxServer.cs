using System.Net;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MiniTorch.Web.Expressions;
using MiniTorch.Web.Functions;
using MiniTorch.Web.Manual;
using MiniTorch.Web.Models;
using MiniTorch.Web.Training;

namespace MiniTorch.Web;

/// <summary>
/// <c>minitorch serve</c>'s web server: the page and its JSON and event-stream API, on 127.0.0.1 only.
/// </summary>
/// <remarks>
/// <see cref="AddSandbox"/> and <see cref="UseSandbox"/> set up any ASP.NET Core host (the tests use them with a test
/// server); <see cref="StartAsync"/> runs Kestrel with them. Requests whose Host header is not a loopback name are
/// refused with status 400 (against DNS rebinding), requests that change or compute something must come from the
/// page itself (<see cref="PageRequests"/>, else 403), computing requests are bounded (<see cref="ComputeLimit"/>,
/// else 429), every response carries <see cref="SecurityHeaders"/>, and no request reaches the file system: the page's
/// files are embedded (<see cref="PageFiles"/>).
/// </remarks>
public static class SandboxServer
{
    /// <summary>The Host header names the server answers to.</summary>
    public static IReadOnlyList<string> LoopbackHosts { get; } = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>Registers the sandbox's services.</summary>
    /// <param name="services">The host's services.</param>
    /// <param name="options">The limits; <see cref="SandboxOptions"/>' defaults when null.</param>
    public static void AddSandbox(IServiceCollection services, SandboxOptions? options = null)
    {
        options ??= new SandboxOptions();
        services.AddSingleton(options);
        services.AddSingleton<TrainingSessions>();
        ComputeLimit.Add(services, options);
        services.AddRouting();
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = UnwrittenCode.Explain);
        services.AddHostFiltering(filtering =>
        {
            filtering.AllowedHosts = [.. LoopbackHosts];
            filtering.AllowEmptyHosts = false;
            filtering.IncludeFailureMessage = false;
        });
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals);
    }

    /// <summary>Adds the sandbox's middleware and routes.</summary>
    /// <param name="app">The host's application.</param>
    public static void UseSandbox(IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var sessions = app.ApplicationServices.GetRequiredService<TrainingSessions>();
        app.ApplicationServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(sessions.StopAll);
        app.UseHostFiltering();
        app.Use(SecurityHeaders.Add);
        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = UnwrittenCode.StatusOf });
        app.UseStatusCodePages();
        app.Use(PageRequests.Check);
        app.UseRouting();
        app.UseRateLimiter();
        app.UseEndpoints(MapRoutes);
    }

    /// <summary>
    /// Starts Kestrel on 127.0.0.1 at <paramref name="port"/>, and nowhere else: the host reads no configuration, so
    /// ASP.NET's variables (<c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_HTTP_PORTS</c>, <c>DOTNET_URLS</c>, <c>URLS</c>, a
    /// <c>Kestrel__Endpoints__…</c> endpoint) cannot add an address. Stop it with <see cref="WebApplication.StopAsync"/>
    /// and dispose it.
    /// </summary>
    /// <param name="port">The port, 0 for a free one.</param>
    /// <param name="options">The limits; <see cref="SandboxOptions"/>' defaults when null.</param>
    /// <param name="cancellationToken">Cancels starting.</param>
    /// <returns>The running server and the address it listens at, for example <c>http://127.0.0.1:5000/</c>.</returns>
    /// <exception cref="IOException">The port is in use.</exception>
    public static async Task<(WebApplication Server, Uri Address)> StartAsync(int port, SandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        // The empty builder has no configuration sources at all (the slim one reads the environment, and binds any
        // Kestrel endpoint it finds there besides the one below); the server takes its address from here only.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.Limits.MaxRequestBodySize = RequestBody.MaxBytes;
            kestrel.AddServerHeader = false;
        });
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        AddSandbox(builder.Services, options);
        var app = builder.Build();
        UseSandbox(app);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    /// <summary>Serves until <paramref name="cancellationToken"/> is cancelled, then stops the trainings and the server.</summary>
    /// <param name="port">The port, 0 for a free one.</param>
    /// <param name="output">Where the address is printed once the server listens.</param>
    /// <param name="cancellationToken">Stops the server.</param>
    /// <returns>Ends when the server has stopped.</returns>
    /// <exception cref="IOException">The port is in use.</exception>
    public static async Task RunAsync(int port, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var (app, address) = await StartAsync(port, null, cancellationToken).ConfigureAwait(false);
        await using (app.ConfigureAwait(false))
        {
            output.WriteLine($"MiniTorch sandbox at {address} (Ctrl+C stops it)");
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static void MapRoutes(IEndpointRouteBuilder routes)
    {
        TrainingEndpoints.Map(routes);
        ExpressionEndpoints.Map(routes);
        FunctionEndpoints.Map(routes);
        ModelEndpoints.Map(routes);
        ManualEndpoints.Map(routes);
        routes.MapGet("/api/{**rest}", () => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such API."));
        routes.MapGet("/{**path}", (string? path) => PageFiles.Serve(path));
    }
}
