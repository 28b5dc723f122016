using Microsoft.Playwright;
using MiniTorch.Tests.Cli;
using MiniTorch.Web.Tests.Api;

namespace MiniTorch.Web.Tests.Browser;

/// <summary>
/// The sandbox on a free loopback port and Debian's Chromium driven by Playwright, launched from the PATH (Playwright's
/// own browser download is not used). Without Chromium the browser tests skip with the reason, and fail in CI.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Chromium, as Debian installs it.</summary>
    internal static ExternalProgram Chromium { get; } = new("Chromium", FindChromium, "apt-get install chromium");

    private readonly LiveSandbox _server = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Where the sandbox listens.</summary>
    public Uri Address => _server.Address;

    /// <summary>The sandbox's trainings.</summary>
    internal MiniTorch.Web.Training.TrainingSessions Sessions => _server.Sessions;

    /// <summary>The page's address with a query, for example <c>?tab=functions</c>.</summary>
    /// <param name="query">The query, starting with <c>?</c>.</param>
    /// <returns>The address.</returns>
    public string Url(string query) => new Uri(Address, "/" + query).ToString();

    public async Task InitializeAsync()
    {
        await _server.InitializeAsync();
        Assertions.SetDefaultExpectTimeout(60_000);
        if (FindChromium() is { } path)
        {
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = path, Headless = true, Args = ["--no-sandbox"] });
        }
    }

    /// <summary>
    /// A new page in a fresh context; skips (or fails in CI) when Chromium is missing. The contexts of earlier pages are
    /// closed first: the tests of the collection run one at a time, and a page left open would keep its training playing
    /// on (the Training tab plays until paused), taking the server's places and processors from the next test.
    /// </summary>
    /// <param name="options">The context's viewport, colour scheme and so on.</param>
    /// <returns>The page and the console errors and page errors it reports.</returns>
    public async Task<(IPage Page, List<string> Errors)> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        Chromium.Require();
        foreach (var open in _browser!.Contexts.ToArray())
        {
            await open.CloseAsync();
        }

        var context = await _browser!.NewContextAsync(options ?? new() { ViewportSize = new() { Width = 1280, Height = 1000 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        page.SetDefaultTimeout(60_000);
        return (page, errors);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        await _server.DisposeAsync();
    }

    private static string? FindChromium()
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in new[] { "chromium", "chromium-browser" })
            {
                var path = Path.Combine(folder, name);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        return null;
    }
}
