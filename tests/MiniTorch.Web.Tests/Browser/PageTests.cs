using Microsoft.Playwright;
using MiniTorch.Cli;
using MiniTorch.Runs;
using MiniTorch.Web.Tests.Api;
using static Microsoft.Playwright.Assertions;

namespace MiniTorch.Web.Tests.Browser;

/// <summary>
/// The sandbox's page in a real browser (Chromium): every tab opens cleanly, training Xor ends with the library's final
/// loss, Pause, Step and Reset work, the expression's graph is drawn, a malformed expression shows its caret, the
/// backward pass steps to the gradients <c>minitorch grad</c> prints, a link restores the settings, and the page works
/// by keyboard, with labels, on a phone and in dark mode. With MINITORCH_SCREENSHOTS set to a folder, the screenshot
/// test writes the pictures of docs/sandbox.md there.
/// </summary>
[Trait("Task", "1.5")]
[Collection(SharedBrowser.Name)]
public sealed class PageTests : IClassFixture<ChromiumNotice>
{
    private readonly BrowserFixture _browser;

    public PageTests(BrowserFixture browser) => _browser = browser;

    [SkippableTheory]
    [InlineData("training", "#boundary")]
    [InlineData("autodiff", "#graph svg")]
    [InlineData("functions", "#function-derivative")]
    [InlineData("module", "#parameters tbody tr[aria-rowindex]")]
    public async Task Each_page_opens_with_no_console_error(string tab, string shown)
    {
        var (page, errors) = await _browser.NewPageAsync();

        await page.GotoAsync(Url($"?tab={tab}"));
        await Expect(page.Locator(shown).First).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Empty(errors);
        Assert.Equal("true", await page.GetAttributeAsync($"#tab-{tab}", "aria-selected"));
    }

    [SkippableFact]
    public async Task Training_Xor_to_the_end_shows_the_library_s_final_loss()
    {
        var (page, errors) = await _browser.NewPageAsync();
        await page.GotoAsync(Url("?tab=training"));

        await page.SelectOptionAsync("#pace", "max");
        await page.ClickAsync("#train");
        await Expect(page.Locator("#final-loss")).Not.ToHaveTextAsync("–", new() { Timeout = 120_000 });

        Assert.Equal(Library.FinalLoss(new TrainingSettings("xor", 50, 10, 0.5, 500, 1)), await page.TextContentAsync("#final-loss"));
        Assert.Equal(6, await page.Locator("#downloads a").CountAsync());
        Assert.Empty(errors);
    }

    [SkippableFact]
    public async Task Pause_Step_and_Reset_control_the_training()
    {
        var (page, _) = await _browser.NewPageAsync();
        await page.GotoAsync(Url("?tab=training&epochs=100000&points=150&hidden=50"));
        var status = page.Locator("#training-status");

        await page.ClickAsync("#step");
        await Expect(status).ToContainTextAsync("Epoch 1 of 100000 (paused)");
        await page.ClickAsync("#step");
        await Expect(status).ToContainTextAsync("Epoch 2 of 100000 (paused)");
        await page.ClickAsync("#train");
        await Expect(status).ToContainTextAsync("(running)");
        await page.ClickAsync("#pause");
        await Expect(status).ToContainTextAsync("(paused)");
        var pausedAt = await status.TextContentAsync();
        await page.ClickAsync("#step");
        await Expect(status).Not.ToHaveTextAsync(pausedAt!);
        await page.ClickAsync("#reset");

        await Expect(status).ToContainTextAsync("Ready");
        Assert.Equal(0, await page.Locator("#epochs-table tbody tr").CountAsync());
        Assert.False(await page.IsDisabledAsync("#dataset"));
    }

    [SkippableFact]
    public async Task An_expression_s_graph_is_drawn_with_its_node_labels()
    {
        var (page, errors) = await _browser.NewPageAsync();
        await page.GotoAsync(Url("?tab=autodiff"));

        await page.FillAsync("#expression", "apple * banana + apple");
        var graph = page.Locator("#graph svg");
        await Expect(graph).ToContainTextAsync("banana");

        var labels = await graph.Locator("text").AllTextContentsAsync();
        Assert.Contains("apple", labels);
        Assert.Contains("apple * banana", labels);
        Assert.Contains("Mul", labels);
        Assert.Contains("Add", labels);
        Assert.Empty(errors);
    }

    [SkippableFact]
    public async Task A_malformed_expression_shows_the_message_and_a_caret_under_the_column()
    {
        var (page, errors) = await _browser.NewPageAsync();
        await page.GotoAsync(Url("?tab=autodiff"));

        await page.FillAsync("#expression", "x * (y");
        var message = page.Locator("#expression-error");
        await Expect(message).ToBeVisibleAsync();

        var lines = (await message.TextContentAsync())!.Split('\n');
        Assert.StartsWith("unexpected end of input at column 7", lines[0], StringComparison.Ordinal);
        Assert.Equal(["x * (y", "      ^"], lines[1..]);
        // The refused request itself is reported by the browser; nothing else may be.
        Assert.DoesNotContain(errors, e => !e.Contains("400", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Stepping_the_backward_pass_to_the_end_leaves_minitorch_grad_s_gradients_on_the_leaves()
    {
        const string text = "(x * x) * y + 10.0 * x";
        var (page, _) = await _browser.NewPageAsync();
        await page.GotoAsync(Url($"?tab=autodiff&expr={Uri.EscapeDataString(text)}&at=x%3D2%2Cy%3D3"));
        await Expect(page.Locator("#graph svg")).ToBeVisibleAsync();
        await Expect(page.Locator("#expression-value")).ToHaveTextAsync("32");

        while (!await page.IsDisabledAsync("#backward-forward"))
        {
            await page.ClickAsync("#backward-forward");
        }

        await Expect(page.Locator("#backward-rule")).ToContainTextAsync("Done");
        using var output = new StringWriter();
        Assert.Equal(0, MiniTorchCommand.Run(["grad", text, "--at", "x=2", "--at", "y=3"], output, TextWriter.Null));
        var printed = output.ToString().Split('\n').Skip(2).Where(l => l.Length > 0).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToDictionary(p => p[0], p => p[1]);
        foreach (var (leaf, gradient) in printed)
        {
            var node = page.Locator("#graph g.node").Filter(new() { Has = page.Locator($"text:text-is('{leaf}')") });
            Assert.EndsWith($" {gradient}", await node.Locator("text").Nth(2).TextContentAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(["x", "y"], printed.Keys);
    }

    [SkippableFact]
    public async Task A_shared_link_restores_the_settings()
    {
        var (page, _) = await _browser.NewPageAsync();

        await page.GotoAsync(Url("?tab=training&dataset=circle&points=80&hidden=7&rate=0.1&epochs=42&seed=9&engine=graph&pace=fast"));

        Assert.Equal("circle", await page.InputValueAsync("#dataset"));
        Assert.Equal("80", await page.InputValueAsync("#points"));
        Assert.Equal(("2", "7", "7"), (await page.InputValueAsync("#layers"), await page.InputValueAsync("#width-1"), await page.InputValueAsync("#width-2")));
        Assert.Equal("0.1", await page.InputValueAsync("#rate"));
        Assert.Equal("42", await page.InputValueAsync("#epochs"));
        Assert.Equal("9", await page.InputValueAsync("#seed"));
        Assert.Equal("graph", await page.InputValueAsync("#engine"));
        Assert.Equal("fast", await page.InputValueAsync("#pace"));
        await page.FillAsync("#width-1", "12");
        Assert.Contains("widths=12%2C7", await page.EvaluateAsync<string>("() => location.href"), StringComparison.Ordinal);
        await page.SelectOptionAsync("#layers", "3");
        await page.FillAsync("#width-3", "5");
        await page.SelectOptionAsync("#activation", "sigmoid");

        await page.ReloadAsync();
        Assert.Equal(("3", "12", "7", "5"), (await page.InputValueAsync("#layers"), await page.InputValueAsync("#width-1"), await page.InputValueAsync("#width-2"), await page.InputValueAsync("#width-3")));
        Assert.Equal("sigmoid", await page.InputValueAsync("#activation"));
    }

    [SkippableFact]
    public async Task The_training_controls_work_with_the_keyboard_alone()
    {
        var (page, _) = await _browser.NewPageAsync();
        await page.GotoAsync(Url("?tab=training&epochs=100000&points=150&hidden=50"));
        var status = page.Locator("#training-status");

        await TabToAsync(page, "step");
        await page.Keyboard.PressAsync("Enter");
        await Expect(status).ToContainTextAsync("Epoch 1 of 100000 (paused)");
        await page.Keyboard.PressAsync("Shift+Tab");
        Assert.Equal("train", await FocusedAsync(page));
        await page.Keyboard.PressAsync("Enter");
        await Expect(status).ToContainTextAsync("(running)");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("pause", await FocusedAsync(page));
        await page.Keyboard.PressAsync("Space");
        await Expect(status).ToContainTextAsync("(paused)");
        await TabToAsync(page, "reset");
        await page.Keyboard.PressAsync("Enter");
        await Expect(status).ToContainTextAsync("Ready");

        await page.FocusAsync("#tab-training");
        await page.Keyboard.PressAsync("ArrowRight");
        Assert.Equal("true", await page.GetAttributeAsync("#tab-autodiff", "aria-selected"));
        Assert.Equal("tab-autodiff", await FocusedAsync(page));
    }

    [SkippableFact]
    public async Task Every_control_has_an_accessible_name()
    {
        var (page, _) = await _browser.NewPageAsync();
        await page.GotoAsync(Url("?tab=autodiff"));
        await Expect(page.Locator("#variables input").First).ToBeVisibleAsync();

        var unnamed = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('button, input, select, textarea, canvas, [role="tab"]')].filter(e => !e.closest('[aria-hidden="true"]'))
              .filter(e => !(e.labels?.length || e.getAttribute('aria-label') || e.textContent.trim()))
              .map(e => e.outerHTML.slice(0, 80))
            """);

        Assert.Empty(unnamed);
    }

    [SkippableFact]
    public async Task The_page_fits_a_phone_and_follows_dark_mode()
    {
        var (page, errors) = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, ColorScheme = ColorScheme.Dark });

        await page.GotoAsync(Url("?tab=training"));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways on a phone");
        Assert.Equal("rgb(21, 25, 30)", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor"));
        Assert.Empty(errors);
    }

    [SkippableFact]
    public async Task Screenshots_of_each_page()
    {
        var folder = Environment.GetEnvironmentVariable("MINITORCH_SCREENSHOTS") ?? Directory.CreateTempSubdirectory("minitorch-shots-").FullName;
        var (page, _) = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = 1200, Height = 1000 } });
        await page.GotoAsync(Url("?tab=training&dataset=circle&epochs=300&test=0.3&noise=0.1&pace=fast"));
        await page.ClickAsync("#train");
        await Expect(page.Locator("#final-loss")).Not.ToHaveTextAsync("–", new() { Timeout = 120_000 });
        await page.ClickAsync("#pause");
        await Expect(page.Locator("#training-status")).ToContainTextAsync("(paused");
        await ShotAsync(page, folder, "serve-training.png");
        await page.Locator("#network-view canvas.unit[aria-label='layer2 unit 2']").HoverAsync();
        await page.Locator("#network-view").ScreenshotAsync(new() { Path = Path.Combine(folder, "serve-training-network.png") });

        await page.ClickAsync("#tab-module");
        await Expect(page.Locator("#module-loss")).Not.ToHaveTextAsync("–");
        await ShotAsync(page, folder, "serve-module.png");
        await page.GotoAsync(Url("?tab=training&dataset=circle&widths=200,200&activation=tanh&rate=0.05&epochs=30&pace=max"));
        await page.ClickAsync("#train");
        await Expect(page.Locator("#final-loss")).Not.ToHaveTextAsync("–", new() { Timeout = 300_000 });
        await ShotAsync(page, folder, "serve-training-wide.png");

        await page.GotoAsync(Url("?tab=autodiff&expr=(x%20*%20x)%20*%20y%20%2B%2010.0%20*%20x&at=x%3D2%2Cy%3D3"));
        await Expect(page.Locator("#graph svg")).ToBeVisibleAsync();
        for (var step = 0; step < 4; step++)
        {
            await page.ClickAsync("#backward-forward");
        }

        await ShotAsync(page, folder, "serve-autodiff.png");
        await page.GotoAsync(Url("?tab=functions&fn=div2&from=-3&to=3"));
        await Expect(page.Locator("#function-heat-x-caption")).ToContainTextAsync("points pass");
        await Expect(page.Locator("#function-graph svg")).ToBeVisibleAsync();
        await ShotAsync(page, folder, "serve-functions.png");
    }

    private static async Task ShotAsync(IPage page, string folder, string name)
    {
        var path = Path.Combine(folder, name);
        await page.ScreenshotAsync(new() { Path = path });
        Assert.True(new FileInfo(path).Length > 0, path);
    }

    private static async Task TabToAsync(IPage page, string id)
    {
        for (var presses = 0; presses < 40 && await FocusedAsync(page) != id; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Equal(id, await FocusedAsync(page));
    }

    private static Task<string> FocusedAsync(IPage page) => page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''");

    private string Url(string query) => _browser.Url(query);
}
