using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MiniTorch.Web.Tests.Browser;

/// <summary>
/// Task 0.5 on its tab in a real browser (MiniTorch's Module 0 "Manual" page): moving a slider changes the correct count
/// and the boundary, Simple and Diag are split by hand to 50 of 50, the link keeps the setting, a drag sends no more
/// than one request after the one under way, a refused value is named, and the tab has no axe-core violation.
/// </summary>
[Trait("Task", "0.5")]
[Collection(SharedBrowser.Name)]
public sealed class ManualPageTests
{
    private readonly BrowserFixture _browser;

    public ManualPageTests(BrowserFixture browser) => _browser = browser;

    public static TheoryData<int> Widths => [1280, 390];

    [SkippableFact]
    public async Task Moving_a_slider_changes_the_correct_count_and_the_boundary()
    {
        var (page, errors) = await _browser.NewPageAsync();
        await page.GotoAsync(_browser.Url("?tab=manual&mdataset=simple&mpoints=50&mseed=1&mw1=1&mw2=1&mb=-1"));
        var correct = page.Locator("#manual-correct");
        await Expect(correct).Not.ToHaveTextAsync("–");
        var before = await correct.TextContentAsync();
        var picture = await BoundaryAsync(page);

        // Home takes w1 to the slider's end, -10: then -10·x1 + x2 - 1 < 0 all over the square (but at its corner
        // (0, 1)), so the classifier says class 0 everywhere and gets right exactly Simple's class-0 points, x1 ≥ 0.5.
        await page.FocusAsync("#manual-w1-slider");
        await page.Keyboard.PressAsync("Home");

        var classZero = Datasets.Simple(50, 1).Labels.Count(label => label == 0);
        await Expect(correct).ToHaveTextAsync($"{classZero} of 50");
        Assert.NotEqual(before, $"{classZero} of 50");
        Assert.Equal("-10", await page.InputValueAsync("#manual-w1"));
        Assert.NotEqual(picture, await BoundaryAsync(page));
        Assert.Contains("mw1=-10", await page.EvaluateAsync<string>("() => location.search"), StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    [SkippableFact]
    public async Task Simple_and_then_Diag_are_split_by_hand_to_50_of_50_and_the_link_keeps_the_setting()
    {
        var (page, errors) = await _browser.NewPageAsync();
        await page.GotoAsync(_browser.Url("?tab=manual"));
        var correct = page.Locator("#manual-correct");
        await Expect(correct).Not.ToHaveTextAsync("–");

        // Simple's class 1 is x1 < 0.5: the line -10·x1 + 5 = 0, class 1 on its left.
        await page.FillAsync("#manual-w1", "-10");
        await page.FillAsync("#manual-w2", "0");
        await page.FillAsync("#manual-b", "5");
        await Expect(correct).ToHaveTextAsync("50 of 50");
        Assert.Equal("0", await page.InputValueAsync("#manual-w2-slider"));

        await page.ReloadAsync();
        await Expect(page.Locator("#manual-correct")).ToHaveTextAsync("50 of 50");
        Assert.Equal("-10", await page.InputValueAsync("#manual-w1"));

        // Diag's class 1 is x1 + x2 < 0.5: the line -10·x1 - 10·x2 + 5 = 0.
        await page.SelectOptionAsync("#manual-dataset", "diag");
        await page.FillAsync("#manual-w2", "-10");
        await Expect(page.Locator("#manual-correct")).ToHaveTextAsync("50 of 50");
        Assert.Contains("mdataset=diag", await page.EvaluateAsync<string>("() => location.search"), StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    [SkippableFact]
    public async Task A_drag_of_forty_moves_sends_the_first_and_then_one_with_the_last_value()
    {
        var (page, _) = await _browser.NewPageAsync();
        await page.GotoAsync(_browser.Url("?tab=manual&mw1=1&mw2=1&mb=-1"));
        await Expect(page.Locator("#manual-correct")).Not.ToHaveTextAsync("–");

        // The page's requests are counted in the page, and its answers by the event it sends after drawing each one.
        await page.EvaluateAsync("""
            () => {
              window.manualBodies = [];
              window.manualAnswers = 0;
              const fetchOfPage = window.fetch;
              window.fetch = (url, options) => {
                if (String(url).endsWith('/api/manual')) manualBodies.push(options.body);
                return fetchOfPage(url, options);
              };
              document.addEventListener('manual-shown', () => manualAnswers++);
            }
            """);

        // Forty moves in one go, as a fast drag makes them between two answers.
        await page.EvalOnSelectorAsync("#manual-b-slider", """
            slider => {
              for (let k = 1; k <= 40; k++) {
                slider.value = String(-1 + k * 0.05);
                slider.dispatchEvent(new Event('input', { bubbles: true }));
              }
            }
            """);

        // Once the second answer is drawn, nothing is left to send: the page sends only on a move or an answer.
        await page.WaitForFunctionAsync("() => window.manualAnswers === 2");
        var sent = await page.EvaluateAsync<string[]>("() => window.manualBodies");
        Assert.Equal(2, sent.Length);
        Assert.Contains("\"b\":-0.95}", sent[0], StringComparison.Ordinal);
        Assert.Contains("\"b\":1}", sent[1], StringComparison.Ordinal);
        Assert.Equal("1", await page.InputValueAsync("#manual-b"));
    }

    [SkippableFact]
    public async Task A_value_beyond_the_server_s_range_is_refused_naming_the_parameter()
    {
        var (page, _) = await _browser.NewPageAsync();
        await page.GotoAsync(_browser.Url("?tab=manual"));
        await Expect(page.Locator("#manual-correct")).Not.ToHaveTextAsync("–");

        await page.FillAsync("#manual-w2", "250");

        await Expect(page.Locator("#manual-error")).ToHaveTextAsync("w2 must be a number from -100 to 100");
        await Expect(page.Locator("#manual-correct")).ToHaveTextAsync("–");
        await page.FillAsync("#manual-w2", "2");
        await Expect(page.Locator("#manual-error")).ToBeHiddenAsync();
    }

    [SkippableTheory]
    [MemberData(nameof(Widths))]
    public async Task The_tab_has_no_violation_shown_or_refused(int width)
    {
        var (page, _) = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = width > 600 ? 900 : 844 } });
        await page.GotoAsync(_browser.Url("?tab=manual"));
        await Expect(page.Locator("#manual-correct")).Not.ToHaveTextAsync("–");
        await AssertNoViolationsAsync(page, "manual, shown");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"), "the page scrolls sideways");

        await page.FillAsync("#manual-b", string.Empty);
        await Expect(page.Locator("#manual-error")).ToHaveTextAsync("b must be a number");
        await AssertNoViolationsAsync(page, "manual, refused");
    }

    [SkippableFact]
    public async Task Screenshots_of_the_Task_0_5_tab()
    {
        var folder = Environment.GetEnvironmentVariable("MINITORCH_SCREENSHOTS") ?? Directory.CreateTempSubdirectory("minitorch-shots-").FullName;
        var (page, _) = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = 1200, Height = 760 } });
        await page.GotoAsync(_browser.Url("?tab=manual&mdataset=diag&mw1=-4&mw2=-3.5&mb=2"));
        await Expect(page.Locator("#manual-correct")).Not.ToHaveTextAsync("–");

        var path = Path.Combine(folder, "serve-manual.png");
        await page.ScreenshotAsync(new() { Path = path });
        Assert.True(new FileInfo(path).Length > 0, path);
    }

    private static async Task AssertNoViolationsAsync(IPage page, string state)
    {
        var violations = await AxeCheck.ViolationsAsync(page);
        Assert.True(violations.Length == 0, $"{state} at {page.ViewportSize!.Width} px: {string.Join("\n", violations)}");
    }

    private static Task<string> BoundaryAsync(IPage page) =>
        page.EvalOnSelectorAsync<string>("#manual-boundary", "canvas => canvas.toDataURL()");
}
