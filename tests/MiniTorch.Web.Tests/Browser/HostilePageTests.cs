using static Microsoft.Playwright.Assertions;

namespace MiniTorch.Web.Tests.Browser;

/// <summary>
/// The sandbox in a real browser against what other pages can do, and the page's own requests still answered: a page
/// of another site that makes the browser post a training to the sandbox is refused (403, no training started), while
/// the sandbox's own page trains, steps and resets as before; and the derivative check that cannot be made (a central
/// difference that is not finite) shows "cannot check", never "pass".
/// </summary>
[Trait("Task", "1.5")]
[Collection(SharedBrowser.Name)]
public sealed class HostilePageTests : IClassFixture<ChromiumNotice>
{
    private readonly BrowserFixture _browser;

    public HostilePageTests(BrowserFixture browser) => _browser = browser;

    [SkippableFact]
    public async Task A_page_of_another_site_cannot_start_a_training_through_the_browser()
    {
        await using var otherSite = await OtherSite.StartAsync();
        var (page, _) = await _browser.NewPageAsync();
        await page.GotoAsync(otherSite.Address.ToString());
        var target = new Uri(_browser.Address, "/api/trainings/").ToString();
        var running = _browser.Sessions.Running;

        var response = await page.RunAndWaitForResponseAsync(
            () => page.EvaluateAsync(
                "url => fetch(url, { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body: '{\"dataset\":\"xor\"}' }).catch(() => null)",
                target),
            target);

        Assert.Equal(403, response.Status);
        Assert.True(_browser.Sessions.Running <= running, "the other site's request started a training");
    }

    [SkippableFact]
    public async Task The_sandbox_s_own_page_steps_and_resets_a_training_through_its_json_requests()
    {
        var (page, errors) = await _browser.NewPageAsync();
        await page.GotoAsync(_browser.Url("?tab=training&epochs=1000&points=20&hidden=3"));
        var status = page.Locator("#training-status");

        await page.ClickAsync("#step");
        await Expect(status).ToContainTextAsync("Epoch 1 of 1000 (paused)");
        await page.ClickAsync("#reset");

        await Expect(status).ToContainTextAsync("Ready");
        Assert.Empty(errors);
    }

    [SkippableFact]
    public async Task A_derivative_against_an_infinite_central_difference_shows_cannot_check()
    {
        var (page, _) = await _browser.NewPageAsync();

        await page.GotoAsync(_browser.Url("?tab=autodiff&expr=log(x)&at=x%3D0"));
        var row = page.Locator("#gradients tbody tr").First;
        await Expect(row).ToBeVisibleAsync();

        var cells = await row.Locator("td").AllTextContentsAsync();
        Assert.Equal(["x", "1000000", "Infinity", "cannot check"], cells);
    }
}
