using System.Globalization;
using Microsoft.Playwright;
using MiniTorch.Runs;
using static Microsoft.Playwright.Assertions;

namespace MiniTorch.Web.Tests.Browser;

/// <summary>
/// Task 1.4 on the Autodiff tab in a real browser: the reference expression's backward pass stepped from top to bottom
/// with readable names, the chain rule in words, every active node in view without scrolling by hand (desktop and
/// phone), the shares each node collects; a diamond; Back, Forward and the keys; a refused expression taking its
/// results away; and the network's graph for a training point, ending with the library's derivatives.
/// </summary>
[Trait("Task", "1.4")]
[Collection(SharedBrowser.Name)]
public sealed class AutodiffPageTests
{
    private const string Reference = "?tab=autodiff&expr=(x%20*%20x)%20*%20y%20%2B%2010.0%20*%20x&at=x%3D2%2Cy%3D3";

    private readonly BrowserFixture _browser;

    public AutodiffPageTests(BrowserFixture browser) => _browser = browser;

    [SkippableTheory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task The_reference_expression_steps_from_top_to_bottom_with_names_rules_and_every_node_in_view(int width, int height)
    {
        var (page, errors) = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        await page.GotoAsync(_browser.Url(Reference));
        await Expect(page.Locator("#backward-order li")).ToHaveCountAsync(6);

        Assert.Equal(["x * x * y + 10 * x", "10 * x", "x * x * y", "x * x", "y", "x"], await page.Locator("#backward-order li .name").AllTextContentsAsync());
        string[][] rules =
        [
            ["x * x * y + 10 * x = Add(x * x * y, 10 * x) = 32", "d(x * x * y + 10 * x) = 1, where the backward pass starts"],
            ["10 * x = Mul(10, x) = 20", "d(x) += 1 \u00d7 10 = 10"],
            ["x * x * y = Mul(x * x, y) = 12", "d(x * x) += 1 \u00d7 y = 1 \u00d7 3 = 3", "d(y) += 1 \u00d7 (x * x) = 1 \u00d7 4 = 4"],
            ["x * x = Mul(x, x) = 4", "d(x) += 3 \u00d7 x = 3 \u00d7 2 = 6"],
            ["y is a leaf: d(y) = 4, its gradient"],
            ["x is a leaf: d(x) = 10 + 6 + 6 = 22, its gradient"],
        ];
        string[] xCollected = ["", "d = 10", "d = 10", "d = 10 + 6 + 6 = 22", "d = 10 + 6 + 6 = 22", "d = 10 + 6 + 6 = 22"];
        for (var step = 0; step < rules.Length; step++)
        {
            await page.ClickAsync("#backward-forward");
            var rule = (await page.TextContentAsync("#backward-rule"))!.Split('\n');
            Assert.All(rules[step], line => Assert.Contains(line, rule));
            Assert.Equal($"Step {step + 1} of 6", await page.TextContentAsync("#backward-status"));
            Assert.True(await ActiveNodeInViewAsync(page), $"step {step + 1}: the active node or the buttons are out of view at {width} px");
            Assert.Equal(xCollected[step], await NodeLineAsync(page, "x"));
            Assert.Equal(step + 1, await page.EvaluateAsync<int>("() => [...document.querySelectorAll('#backward-order li')].findIndex(li => li.getAttribute('aria-current') === 'step') + 1"));
        }

        Assert.Equal("x10 + 6 + 6 = 22", await page.Locator("#backward-order li").Nth(5).TextContentAsync());
        Assert.Equal("d = 4", await NodeLineAsync(page, "y"));
        Assert.Contains("Done", await page.TextContentAsync("#backward-rule"), StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    [SkippableFact]
    public async Task A_diamond_collects_both_paths_at_x_and_y_in_the_order_they_arrive()
    {
        var (page, _) = await _browser.NewPageAsync();
        await page.GotoAsync(_browser.Url("?tab=autodiff&expr=(x%20%2B%20y)%20*%20(x%20-%20y)&at=x%3D3%2Cy%3D1"));
        await Expect(page.Locator("#backward-order li")).ToHaveCountAsync(6);

        await page.ClickAsync("#backward-end");

        // (x + y)(x − y) at (3, 1): x − y is x + −y; it passes x + y = 4 to x and to −y, which passes −4 to y; then
        // x + y passes x − y = 2 to x and to y.
        Assert.Equal("d = 4 + 2 = 6", await NodeLineAsync(page, "x"));
        Assert.Equal("d = -4 + 2 = -2", await NodeLineAsync(page, "y"));
        Assert.Equal(["6", "-2"], await page.Locator("#gradients tbody td:nth-child(2)").AllTextContentsAsync());
    }

    [SkippableFact]
    public async Task Back_Forward_and_the_arrow_keys_move_through_the_steps_and_focus_stays_on_a_button()
    {
        var (page, _) = await _browser.NewPageAsync();
        await page.GotoAsync(_browser.Url(Reference));
        await Expect(page.Locator("#backward-order li")).ToHaveCountAsync(6);
        var status = page.Locator("#backward-status");

        await page.FocusAsync("#backward-forward");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(status).ToHaveTextAsync("Step 3 of 6");
        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(status).ToHaveTextAsync("Step 2 of 6");
        await page.ClickAsync("#backward-back");
        await Expect(status).ToHaveTextAsync("Step 1 of 6");
        await page.FocusAsync("#backward-end");
        await page.Keyboard.PressAsync("Enter");
        await Expect(status).ToHaveTextAsync("Step 6 of 6");
        Assert.True(await page.IsDisabledAsync("#backward-forward"));
        Assert.Equal("backward-back", await FocusedAsync(page));
        await page.Keyboard.PressAsync("Home");
        await Expect(status).ToHaveTextAsync("Step 0 of 6");
        Assert.Equal("backward-forward", await FocusedAsync(page));
        Assert.Equal("", await NodeLineAsync(page, "x"));
    }

    [SkippableFact]
    public async Task A_refused_expression_takes_its_results_away_and_keeps_the_text_being_typed()
    {
        var (page, _) = await _browser.NewPageAsync();
        await page.GotoAsync(_browser.Url(Reference));
        await Expect(page.Locator("#backward-order li")).ToHaveCountAsync(6);

        await page.FocusAsync("#expression");
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.TypeAsync(" * (");
        await Expect(page.Locator("#expression-error")).ToBeVisibleAsync();

        Assert.Equal("(x * x) * y + 10.0 * x * (", await page.InputValueAsync("#expression"));
        Assert.Equal("expression", await FocusedAsync(page));
        await Expect(page.Locator("#stepper")).ToBeHiddenAsync();
        await Expect(page.Locator("#expression-results")).ToBeHiddenAsync();
        Assert.Equal(0, await page.Locator("#graph svg").CountAsync());
        Assert.Equal(0, await page.Locator("#gradients tbody tr").CountAsync());
        Assert.Equal(1, await page.Locator("[role=alert]:visible").CountAsync());

        await page.Keyboard.TypeAsync("y)");
        await Expect(page.Locator("#expression-error")).ToBeHiddenAsync();
        await Expect(page.Locator("#backward-order li")).ToHaveCountAsync(7);
    }

    [SkippableFact]
    public async Task Clicking_a_training_point_shows_the_network_s_graph_whose_pass_ends_with_the_library_s_derivatives()
    {
        var (page, errors) = await _browser.NewPageAsync();
        await page.GotoAsync(_browser.Url("?tab=training&dataset=xor&points=20&hidden=2&seed=6"));
        await Expect(page.Locator("#training-status")).ToContainTextAsync("Ready");
        var data = new TrainingSettings("xor", 20, 2, 0.5, 500, 6).CreateDataset();
        const int point = 13;

        // Where the page draws the point: the picture's square inside the canvas's axes, as boundary-view.js places it.
        var (low, high) = BoundaryPlot.Square(data);
        var box = (await page.Locator("#boundary").BoundingBoxAsync())!;
        var at = await page.EvaluateAsync<double[]>(
            """
            async ([x1, x2, low, high]) => {
              const { placement } = await import('./js/boundary-view.js');
              const canvas = document.getElementById('boundary');
              const at = placement(canvas, low, high);
              return [at.x(x1) / canvas.width, at.y(x2) / canvas.height];
            }
            """,
            new[] { data.Points[point].X1, data.Points[point].X2, low, high });
        await page.Mouse.ClickAsync((float)(box.X + (at[0] * box.Width)), (float)(box.Y + (at[1] * box.Height)));

        await Expect(page.Locator("#tab-autodiff")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(page.Locator("#graph-point-info")).ToContainTextAsync($"Point {point} of 20");
        await page.ClickAsync("#backward-end");
        var network = TrainingSettings.CreateNetwork(2, 6);
        var (x1, x2) = (new Scalar(data.Points[point].X1), new Scalar(data.Points[point].X2));
        network.Call([x1, x2]).Backward();
        var expected = network.NamedParameters().ToDictionary(p => p.Key, p => p.Value.Value.Derivative!.Value);
        expected["x1"] = x1.Derivative!.Value;
        expected["x2"] = x2.Derivative!.Value;
        var shown = await page.EvaluateAsync<string[][]>("() => [...document.querySelectorAll('#backward-order li')].map(li => [li.querySelector('.name').textContent, li.querySelector('.d').textContent])");
        foreach (var (name, derivative) in expected)
        {
            var text = shown.Single(item => item[0] == name)[1];
            var number = double.Parse(text[(text.LastIndexOf("= ", StringComparison.Ordinal) + 1)..].Trim().TrimStart('\u2248'), CultureInfo.InvariantCulture);
            Assert.True(Math.Abs(number - derivative) <= 1e-5 * Math.Max(1, Math.Abs(derivative)), $"{name}: shown {text}, library {derivative}");
        }

        Assert.Contains("graph=network", await page.EvaluateAsync<string>("() => location.href"), StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    [SkippableFact]
    public async Task A_layer_of_the_network_s_graph_collapses_into_one_box_and_opens_again()
    {
        var (page, _) = await _browser.NewPageAsync();
        await page.GotoAsync(_browser.Url("?tab=autodiff&graph=network&point=2&hidden=3&points=10"));
        var layer1 = page.GetByLabel("layer1 (");
        await Expect(layer1).ToBeCheckedAsync();
        await Expect(page.Locator("#backward-status")).ToContainTextAsync("Step 0 of");
        var steps = await page.Locator("#backward-order li").CountAsync();

        await layer1.UncheckAsync();
        await Expect(page.Locator("#graph g.node title", new() { HasText = "group:layer1" })).ToHaveCountAsync(1);
        await page.ClickAsync("#backward-forward");

        Assert.Equal(steps, await page.Locator("#backward-order li").CountAsync());
        Assert.Contains("fold=layer1", await page.EvaluateAsync<string>("() => location.href"), StringComparison.Ordinal);
        await layer1.CheckAsync();
        await Expect(page.Locator("#graph g.node title", new() { HasText = "group:layer1" })).ToHaveCountAsync(0);
        Assert.Equal("Step 1 of " + steps, await page.TextContentAsync("#backward-status"));
    }

    // True when the outlined node and operation lie inside the graph's box and the window, and so do the buttons.
    private static Task<bool> ActiveNodeInViewAsync(IPage page) => page.EvaluateAsync<bool>(
        """
        () => {
          const inside = (r, box) => r.top >= box.top - 1 && r.bottom <= box.bottom + 1 && r.left >= box.left - 1 && r.right <= box.right + 1;
          const view = { top: 0, left: 0, bottom: innerHeight, right: innerWidth };
          const graph = document.getElementById('graph').getBoundingClientRect();
          const shapes = [...document.querySelectorAll('#graph g.current, #graph g.current-operation')].map(g => g.getBoundingClientRect());
          const forward = document.getElementById('backward-forward').getBoundingClientRect();
          return shapes.length > 0 && shapes.every(r => inside(r, graph) && inside(r, view)) && inside(forward, view);
        }
        """);

    // The derivative line of a value node, found by its name (the node's first text line).
    private static Task<string> NodeLineAsync(IPage page, string name) => page.EvaluateAsync<string>(
        "name => [...document.querySelectorAll('#graph g.node')].map(g => g.querySelectorAll('text')).find(t => t[0]?.textContent === name)[2].textContent",
        name);

    private static Task<string> FocusedAsync(IPage page) => page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''");
}
