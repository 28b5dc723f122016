using Microsoft.Playwright;
using MiniTorch.Web.Tests.Api;
using static Microsoft.Playwright.Assertions;

namespace MiniTorch.Web.Tests.Browser;

/// <summary>
/// The sandbox's newer pieces in a real browser (Chromium): the Scalar functions tab draws a test function with its
/// autodiff derivative and central difference, or the caret of a malformed expression; training on pasted points ends
/// with the library's final loss; an uploaded CSV's bad line is named.
/// </summary>
[Trait("Task", "1.5")]
[Collection(SharedBrowser.Name)]
public sealed class FunctionsAndPointsPageTests
{
    private readonly BrowserFixture _browser;

    public FunctionsAndPointsPageTests(BrowserFixture browser) => _browser = browser;

    [SkippableFact]
    public async Task Picking_a_test_function_plots_its_autodiff_derivative_and_central_difference_on_the_same_axes()
    {
        var (page, errors) = await _browser.NewPageAsync();
        await page.GotoAsync(Url("?tab=functions"));
        var status = page.Locator("#functions-status");
        await Expect(status).ToContainTextAsync("201 values of x from -49 to 49");

        await page.SelectOptionAsync("#function-name", "cube");
        await Expect(page.Locator("#function-expression")).ToHaveValueAsync("x * x * x");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // The autodiff curve is a wide line in --class0, the central difference a dashed one in --class1 on top of it.
        Assert.True(await CanvasPixels.CountAsync(page, "#function-derivative", "--class0") > 100, "no autodiff curve");
        Assert.True(await CanvasPixels.CountAsync(page, "#function-derivative", "--class1") > 100, "no central-difference curve");
        Assert.True(await CanvasPixels.CountAsync(page, "#function-value", "--text") > 100, "no f(x) curve");
        Assert.Contains("fn=cube", await page.EvaluateAsync<string>("() => location.href"), StringComparison.Ordinal);

        await page.SelectOptionAsync("#function-name", "mul2");
        await Expect(page.Locator("#function-grid")).ToBeVisibleAsync();
        await Expect(status).ToContainTextAsync("41 \u00d7 41");
        await Expect(page.Locator("#function-line")).ToBeHiddenAsync();
        Assert.Empty(errors);
    }

    [SkippableFact]
    public async Task A_malformed_function_shows_the_message_and_a_caret_under_the_column()
    {
        var (page, errors) = await _browser.NewPageAsync();
        await page.GotoAsync(Url("?tab=functions"));
        await Expect(page.Locator("#functions-status")).ToContainTextAsync("201 values");

        await page.FillAsync("#function-expression", "x * (");
        var message = page.Locator("#function-error");
        await Expect(message).ToBeVisibleAsync();

        Assert.Equal("", await page.InputValueAsync("#function-name"));
        Assert.Equal(["x * (", "     ^"], (await message.TextContentAsync())!.Split('\n')[1..]);
        Assert.DoesNotContain(errors, e => !e.Contains("400", StringComparison.Ordinal));
        await page.FillAsync("#function-expression", "x * (x + 1)");
        await Expect(message).ToBeHiddenAsync();
    }

    [SkippableFact]
    public async Task Training_on_pasted_points_shows_the_library_s_final_loss_and_a_bad_line_shows_its_error()
    {
        const string csv = "x1,x2,label\n0.1,0.1,0\n0.9,0.9,0\n0.1,0.9,1\n0.9,0.1,1\n0.5,0.5,0\n0.2,0.7,1\n";
        var (page, _) = await _browser.NewPageAsync();
        await page.GotoAsync(Url("?tab=training&hidden=4&epochs=60&seed=2"));
        await page.SelectOptionAsync("#dataset", "points");
        await Expect(page.Locator("#csv")).ToBeVisibleAsync();
        await Expect(page.Locator("#points")).ToBeHiddenAsync();

        await page.FillAsync("#csv", "0.1,0.2,1\n0.3,0.4,7");
        await Expect(page.Locator("#csv-error")).ToHaveTextAsync("line 2: label \"7\" must be 0 or 1");
        await page.FillAsync("#csv", csv);
        await Expect(page.Locator("#csv-error")).ToBeHiddenAsync();
        await Expect(page.Locator("#training-status")).ToContainTextAsync("Ready");
        await page.ClickAsync("#train");
        await Expect(page.Locator("#final-loss")).Not.ToHaveTextAsync("–", new() { Timeout = 120_000 });

        var data = PointsCsv.Read(new StringReader(csv), "your points");
        Assert.Equal(Library.FinalLoss(data, 4, 0.5, 60, 2), await page.TextContentAsync("#final-loss"));
        Assert.Contains("dataset=points", await page.EvaluateAsync<string>("() => location.href"), StringComparison.Ordinal);
        Assert.DoesNotContain("csv", await page.EvaluateAsync<string>("() => location.href"), StringComparison.Ordinal);
        Assert.DoesNotContain("model.json", await page.Locator("#downloads").TextContentAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task An_uploaded_CSV_fills_the_box_and_its_bad_line_is_named()
    {
        var (page, _) = await _browser.NewPageAsync();
        await page.GotoAsync(Url("?tab=training&dataset=points"));
        await Expect(page.Locator("#csv")).ToBeVisibleAsync();

        await page.SetInputFilesAsync("#csv-file", new FilePayload { Name = "points.csv", MimeType = "text/csv", Buffer = "x1,x2,label\n0.5,0.5,1\n0.5,1.25,0\n"u8.ToArray() });

        await Expect(page.Locator("#csv")).ToHaveValueAsync("x1,x2,label\n0.5,0.5,1\n0.5,1.25,0\n");
        await Expect(page.Locator("#csv-error")).ToContainTextAsync("line 3: x2 \"1.25\" is outside [0, 1]");
    }

    private string Url(string query) => _browser.Url(query);
}
