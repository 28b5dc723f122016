using System.Globalization;
using Microsoft.Playwright;
using MiniTorch.Runs;
using static Microsoft.Playwright.Assertions;

namespace MiniTorch.Web.Tests.Browser;

/// <summary>
/// Tasks 0.4 and 0.5 on the Module tab in a real browser: a weight changed by hand changes the boundary and gives the
/// library's loss, is kept in the link (no training needed) and redraws the Training page's boundary; a wide network's
/// table holds only the rows in view; during a run, the table follows the training.
/// </summary>
[Trait("Task", "0.4")]
[Collection(SharedBrowser.Name)]
public sealed class ModulePageTests
{
    private readonly BrowserFixture _browser;

    public ModulePageTests(BrowserFixture browser) => _browser = browser;

    [SkippableFact]
    public async Task Setting_a_weight_changes_the_boundary_and_the_loss_to_the_library_s_and_the_link_keeps_it()
    {
        var (page, errors) = await _browser.NewPageAsync();
        await page.GotoAsync(_browser.Url("?tab=module&dataset=simple&points=30&hidden=2&seed=3"));
        var loss = page.Locator("#module-loss");
        await Expect(loss).Not.ToHaveTextAsync("–");
        var before = (await loss.TextContentAsync())!;
        var picture = await BoundaryAsync(page, "#module-boundary");

        var box = page.GetByLabel("Value of layer3.bias_0", new() { Exact = true });
        await box.FillAsync("-3.5");
        await box.PressAsync("Enter");
        await Expect(loss).Not.ToHaveTextAsync(before);

        var network = TrainingSettings.CreateNetwork(2, 3);
        network.GetParameter("layer3.bias_0").Update(new Scalar(-3.5));
        var totals = new ScalarEngine().RunEpoch(network, new TrainingSettings("simple", 30, 2, 0.5, 500, 3).CreateDataset());
        Assert.Equal(totals.TotalLoss.ToString("R", CultureInfo.InvariantCulture), await loss.TextContentAsync());
        Assert.Equal($"{totals.Correct} of 30", await page.TextContentAsync("#module-correct"));
        Assert.NotEqual(picture, await BoundaryAsync(page, "#module-boundary"));
        Assert.Contains("set=layer3.bias_0%3A-3.5", await page.EvaluateAsync<string>("() => location.href"), StringComparison.Ordinal);
        Assert.Equal("Value of layer3.bias_0", await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('aria-label')"));

        var trainingPicture = await BoundaryAsync(page, "#boundary");
        await page.ReloadAsync();
        await Expect(page.Locator("#module-loss")).ToHaveTextAsync(totals.TotalLoss.ToString("R", CultureInfo.InvariantCulture));
        Assert.Equal("-3.5", await page.GetByLabel("Value of layer3.bias_0", new() { Exact = true }).InputValueAsync());
        Assert.NotEqual(picture, trainingPicture);
        Assert.Empty(errors);
    }

    [SkippableFact]
    public async Task A_wide_network_s_table_holds_only_the_rows_in_view_and_scrolls_to_the_last()
    {
        var (page, _) = await _browser.NewPageAsync();
        await page.GotoAsync(_browser.Url("?tab=module&hidden=200&points=10"));
        await Expect(page.Locator("#parameters-caption")).ToContainTextAsync("41001 parameters");

        Assert.True(await page.Locator("#parameters tbody tr[aria-rowindex]").CountAsync() < 60);
        Assert.Equal("41002", await page.GetAttributeAsync("#parameters", "aria-rowcount"));
        await page.EvalOnSelectorAsync("#parameters-wrap", "wrap => wrap.scrollTop = wrap.scrollHeight");
        await Expect(page.Locator("#parameters tbody tr[aria-rowindex='41002'] td").First).ToHaveTextAsync("layer3.bias_0");
        await page.EvalOnSelectorAsync("#parameters-wrap", "wrap => wrap.scrollTop = wrap.scrollHeight / 2");
        await Expect(page.Locator("#parameters tbody tr[aria-rowindex]").First).Not.ToHaveAttributeAsync("aria-rowindex", "2");
        Assert.True(await page.Locator("#parameters tbody tr[aria-rowindex]").CountAsync() < 60);
    }

    [SkippableFact]
    public async Task During_a_run_the_table_follows_the_training_and_a_value_set_stays_in_it()
    {
        var (page, _) = await _browser.NewPageAsync();
        await page.GotoAsync(_browser.Url("?tab=training&hidden=2&points=20&epochs=100000"));
        await page.ClickAsync("#step");
        await Expect(page.Locator("#training-status")).ToContainTextAsync("Epoch 1 of");
        await page.ClickAsync("#tab-module");
        await Expect(page.Locator("#parameters-caption")).ToContainTextAsync("last step");
        var box = page.GetByLabel("Value of layer3.bias_0", new() { Exact = true });
        var first = await box.InputValueAsync();

        await page.ClickAsync("#tab-training");
        await page.ClickAsync("#step");
        await Expect(page.Locator("#training-status")).ToContainTextAsync("Epoch 2 of");
        await page.ClickAsync("#tab-module");
        await Expect(box).Not.ToHaveValueAsync(first);
        await box.FillAsync("0.75");
        await box.PressAsync("Enter");
        await Expect(page.Locator("#module-source")).ToContainTextAsync("run");
        await page.ClickAsync("#tab-training");
        await page.ClickAsync("#step");
        await Expect(page.Locator("#training-status")).ToContainTextAsync("Epoch 3 of");
        await page.ClickAsync("#tab-module");

        // One step of SGD moves the value set by hand by the rate times its gradient, not back to where it was.
        await Expect(box).Not.ToHaveValueAsync(first);
        var value = double.Parse(await box.InputValueAsync(), CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(value - 0.75) < 0.5, $"layer3.bias_0 is {value} after one step from 0.75");
        await page.ClickAsync("#tab-training");
        await page.ClickAsync("#reset");
    }

    private static Task<string> BoundaryAsync(IPage page, string canvas) =>
        page.EvalOnSelectorAsync<string>(canvas, "canvas => canvas.toDataURL()");
}
