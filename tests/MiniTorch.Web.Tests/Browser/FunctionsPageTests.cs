using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MiniTorch.Web.Tests.Browser;

/// <summary>
/// Task 1.3 on the Scalar functions tab in a real browser: each derivative's check against the central difference as a
/// number (two inputs and one), colours centred on 0, the function's graph, and links that reopen exactly what they
/// show.
/// </summary>
[Trait("Task", "1.3")]
[Collection(SharedBrowser.Name)]
public sealed class FunctionsPageTests
{
    private readonly BrowserFixture _browser;

    public FunctionsPageTests(BrowserFixture browser) => _browser = browser;

    [SkippableFact]
    public async Task A_function_of_two_inputs_shows_each_partial_derivative_s_check_and_its_graph()
    {
        var (page, errors) = await _browser.NewPageAsync();
        await page.GotoAsync(_browser.Url("?tab=functions&fn=mul2&from=-3&to=3"));

        await Expect(page.Locator("#function-heat-x-caption")).ToContainTextAsync("1681 of 1681 points pass MiniTorch's check");
        await Expect(page.Locator("#function-heat-y-caption")).ToContainTextAsync("largest |autodiff \u2212 central difference| of df/dy = ");
        await Expect(page.Locator("#function-graph svg")).ToBeVisibleAsync();
        var largest = Regex(await page.TextContentAsync("#function-heat-x-caption"), @"of df/dx = (\S+) at");
        Assert.True(double.Parse(largest, CultureInfo.InvariantCulture) < 1e-6, largest);
        Assert.Contains("x * y", await page.Locator("#function-graph svg text").AllTextContentsAsync());
        Assert.Empty(errors);
    }

    [SkippableFact]
    public async Task A_function_of_one_input_shows_the_difference_as_a_curve_and_a_number()
    {
        var (page, _) = await _browser.NewPageAsync();
        await page.GotoAsync(_browser.Url("?tab=functions&fn=cube&from=-2&to=2"));

        await Expect(page.Locator("#function-difference-caption")).ToContainTextAsync("201 of 201 points pass");
        var largest = Regex(await page.TextContentAsync("#function-difference-caption"), @"of df/dx = (\S+) at x = ");
        Assert.True(double.Parse(largest, CultureInfo.InvariantCulture) < 1e-6, largest);
        Assert.True(await CanvasPixels.CountAsync(page, "#function-difference", "--accent") > 50, "no difference curve");
    }

    [SkippableFact]
    public async Task A_heatmap_is_white_at_0_red_above_and_blue_below()
    {
        var (page, _) = await _browser.NewPageAsync();
        await page.GotoAsync(_browser.Url("?tab=functions&fexpr=x%20%2B%200%20*%20y&from=-1&to=3"));
        await Expect(page.Locator("#function-heat-value-caption")).ToContainTextAsync("white is 0");

        // The value is x over [-1, 3] in 41 columns of 214 / 41 px from 48 px across; x = 0 is column 10, read near its
        // right edge, away from the zero line drawn through its middle.
        var (zero, top, bottom) = (await PixelAsync(page, 48 + (214.0 / 41 * 10.9)), await PixelAsync(page, 258), await PixelAsync(page, 52));
        Assert.True(zero.All(c => c > 235), $"x = 0 is {string.Join(",", zero)}, not white");
        Assert.True(top[0] > 150 && top[2] < 80, $"x = 3 is {string.Join(",", top)}, not red");
        Assert.True(bottom[2] > bottom[0] && bottom[0] < 235, $"x = -1 is {string.Join(",", bottom)}, not blue");
    }

    [SkippableTheory]
    [InlineData("tab=functions&fn=cube&from=-2&to=2&gx=2&gy=3", "cube", "x * x * x")]
    [InlineData("tab=functions&fexpr=x+*+y+%2B+1&from=-49&to=49&gx=2&gy=3", "", "x * y + 1")]
    [InlineData("tab=functions&fexpr=relu%28x%29&from=-5&to=5&gx=0.5&gy=3", "", "relu(x)")]
    public async Task A_link_reopens_exactly_what_it_shows(string query, string name, string expression)
    {
        var (page, _) = await _browser.NewPageAsync();

        await page.GotoAsync(_browser.Url("?" + query));
        await Expect(page.Locator("#functions-status")).Not.ToBeEmptyAsync();

        Assert.Equal(name, await page.InputValueAsync("#function-name"));
        Assert.Equal(expression, await page.InputValueAsync("#function-expression"));
        Assert.Equal(Sorted(query), Sorted(await page.EvaluateAsync<string>("() => location.search.slice(1)")));
    }

    [SkippableFact]
    public async Task A_refused_function_takes_its_plots_and_graph_away()
    {
        var (page, _) = await _browser.NewPageAsync();
        await page.GotoAsync(_browser.Url("?tab=functions&fn=mul2"));
        await Expect(page.Locator("#function-graph svg")).ToBeVisibleAsync();

        await page.FillAsync("#function-expression", "x * z");

        await Expect(page.Locator("#function-error")).ToContainTextAsync("uses the variable z");
        await Expect(page.Locator("#function-grid")).ToBeHiddenAsync();
        await Expect(page.Locator("#function-line")).ToBeHiddenAsync();
        Assert.Equal(0, await page.Locator("#function-graph svg").CountAsync());
        Assert.Equal("x * z", await page.InputValueAsync("#function-expression"));
    }

    private static string Sorted(string query)
    {
        var values = System.Web.HttpUtility.ParseQueryString(query);
        return string.Join("&", values.AllKeys.Order(StringComparer.Ordinal).Select(key => $"{key}={values[key]}"));
    }

    private static string Regex(string? text, string pattern) => System.Text.RegularExpressions.Regex.Match(text ?? string.Empty, pattern).Groups[1].Value;

    // The colour of the f(x, y) heatmap at a column, half-way up the plot.
    private static Task<int[]> PixelAsync(IPage page, double x) => page.EvaluateAsync<int[]>(
        "x => [...document.getElementById('function-heat-value').getContext('2d').getImageData(Math.round(x), 160, 1, 1).data.slice(0, 3)]", x);
}
