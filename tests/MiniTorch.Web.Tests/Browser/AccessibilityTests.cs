using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MiniTorch.Web.Tests.Browser;

/// <summary>
/// The Autodiff, Scalar functions and Module tabs have no axe-core violation in any state a learner reaches (first
/// shown, stepped, refused, with the network's graph, after a run, with a value set), on a desktop and on a phone, and
/// every table fits a phone's 390 px without hiding a column.
/// </summary>
[Trait("Task", "1.5")]
[Collection(SharedBrowser.Name)]
public sealed class AccessibilityTests
{
    private readonly BrowserFixture _browser;

    public AccessibilityTests(BrowserFixture browser) => _browser = browser;

    public static TheoryData<int> Widths => [1280, 390];

    [SkippableTheory]
    [MemberData(nameof(Widths))]
    public async Task The_Autodiff_tab_has_no_violation_shown_stepped_refused_or_with_the_network_s_graph(int width)
    {
        var page = await OpenAsync(width, "?tab=autodiff&at=x%3D2%2Cy%3D3");
        await Expect(page.Locator("#backward-order li")).ToHaveCountAsync(6);
        await AssertNoViolationsAsync(page, "autodiff, shown");

        await page.ClickAsync("#backward-forward");
        await page.ClickAsync("#backward-forward");
        await AssertNoViolationsAsync(page, "autodiff, stepped");
        await AssertTablesFitAsync(page);

        await page.FillAsync("#expression", "x * (");
        await Expect(page.Locator("#expression-error")).ToBeVisibleAsync();
        await AssertNoViolationsAsync(page, "autodiff, refused");

        await page.CheckAsync("#source-network");
        await Expect(page.Locator("#graph-point-info")).ToContainTextAsync("Point 0");
        await page.ClickAsync("#backward-end");
        await AssertNoViolationsAsync(page, "autodiff, network graph");
        await AssertTablesFitAsync(page);
    }

    [SkippableTheory]
    [MemberData(nameof(Widths))]
    public async Task The_Scalar_functions_tab_has_no_violation_for_one_input_two_inputs_or_a_refusal(int width)
    {
        var page = await OpenAsync(width, "?tab=functions&fn=cube");
        await Expect(page.Locator("#function-difference-caption")).ToContainTextAsync("points pass");
        await AssertNoViolationsAsync(page, "functions, one input");

        await page.SelectOptionAsync("#function-name", "div2");
        await Expect(page.Locator("#function-heat-y-caption")).ToContainTextAsync("points pass");
        await Expect(page.Locator("#function-graph svg")).ToBeVisibleAsync();
        await AssertNoViolationsAsync(page, "functions, two inputs");
        await AssertTablesFitAsync(page);

        await page.FillAsync("#function-expression", "x * (");
        await Expect(page.Locator("#function-error")).ToBeVisibleAsync();
        await AssertNoViolationsAsync(page, "functions, refused");
    }

    [SkippableTheory]
    [MemberData(nameof(Widths))]
    public async Task The_Module_tab_has_no_violation_before_and_after_a_run_and_with_a_value_set(int width)
    {
        var page = await OpenAsync(width, "?tab=module&hidden=3&points=20&epochs=5");
        await Expect(page.Locator("#module-loss")).Not.ToHaveTextAsync("–");
        await AssertNoViolationsAsync(page, "module, untrained");
        await AssertTablesFitAsync(page);

        var box = page.GetByLabel("Value of layer1.weight_0_0", new() { Exact = true });
        await box.FillAsync("1.5");
        await box.PressAsync("Enter");
        await Expect(page.Locator("#module-reset")).ToBeVisibleAsync();
        await AssertNoViolationsAsync(page, "module, value set");

        await page.ClickAsync("#tab-training");
        await page.ClickAsync("#train");
        await Expect(page.Locator("#final-loss")).Not.ToHaveTextAsync("–");
        await page.ClickAsync("#tab-module");
        await Expect(page.Locator("#parameters-caption")).ToContainTextAsync("last step");
        await AssertNoViolationsAsync(page, "module, after a run");
        await AssertTablesFitAsync(page);
    }

    private async Task<IPage> OpenAsync(int width, string query)
    {
        var (page, _) = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = width > 600 ? 900 : 844 } });
        await page.GotoAsync(_browser.Url(query));
        return page;
    }

    private static async Task AssertNoViolationsAsync(IPage page, string state)
    {
        var violations = await AxeCheck.ViolationsAsync(page);
        Assert.True(violations.Length == 0, $"{state} at {page.ViewportSize!.Width} px: {string.Join("\n", violations)}");
    }

    // Every visible table shows all its columns: it is no wider than the box that holds it; and the page itself does
    // not scroll sideways.
    private static async Task AssertTablesFitAsync(IPage page)
    {
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"), "the page scrolls sideways");
        Assert.Empty(await page.EvaluateAsync<string[]>(
            """
            () => [...document.querySelectorAll('table')].filter(t => t.offsetParent !== null)
              .filter(t => t.getBoundingClientRect().width > t.parentElement.clientWidth + 1 || t.getBoundingClientRect().right > innerWidth)
              .map(t => `${t.id}: ${t.getBoundingClientRect().width} px in ${t.parentElement.clientWidth} px`)
            """));
    }
}
