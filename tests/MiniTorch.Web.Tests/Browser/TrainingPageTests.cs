using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MiniTorch.Cli;
using MiniTorch.Runs;
using MiniTorch.Web.Tests.Api;
using static Microsoft.Playwright.Assertions;

namespace MiniTorch.Web.Tests.Browser;

/// <summary>
/// The Training tab in a real browser (Chromium): default Xor learns before your eyes at the normal pace and ends at
/// the library's loss, then plays on until paused; the network is drawn with live units and weights and a wide layer
/// shows its strongest units; noise, a test split and regenerate reach the picture; the command the page shows
/// reproduces a run beyond MiniTorch; settings stay editable and reset the run; stuck runs, bad points, empty points and a
/// lost server each say what is going on; and axe-core finds nothing wrong idle, running or finished.
/// </summary>
[Trait("Task", "1.5")]
[Collection(SharedBrowser.Name)]
public sealed class TrainingPageTests : IClassFixture<ChromiumNotice>
{
    private readonly BrowserFixture _browser;

    public TrainingPageTests(BrowserFixture browser) => _browser = browser;

    [SkippableFact]
    public async Task Default_xor_learns_in_many_pictures_at_the_normal_pace_ends_at_the_librarys_loss_and_plays_on_until_paused()
    {
        var (page, errors) = await _browser.NewPageAsync();
        await page.GotoAsync(_browser.Url("?tab=training"));
        await Expect(page.Locator("#pace")).ToHaveValueAsync("normal");

        await page.ClickAsync("#train");
        await Expect(page.Locator("#final-loss")).Not.ToHaveTextAsync("–", new() { Timeout = 120_000 });
        await page.WaitForFunctionAsync("() => Number(document.getElementById('epoch-now').textContent) > 500");

        Assert.Equal(Library.FinalLoss(TrainingSettings.Default), await page.TextContentAsync("#final-loss"));
        Assert.True(int.Parse((await page.GetAttributeAsync("#page-training", "data-pictures"))!, CultureInfo.InvariantCulture) >= 10, "fewer than 10 pictures: not watchable");
        Assert.Equal(1, await page.Locator("#epochs-table tbody tr td:first-child").Filter(new() { HasTextRegex = new Regex("^500$") }).CountAsync());
        Assert.Equal(6, await page.Locator("#downloads a").CountAsync());
        Assert.Equal("minitorch train", await page.TextContentAsync("#train-command"));
        await page.ClickAsync("#pause");
        await Expect(page.Locator("#training-status")).ToContainTextAsync("(paused; minitorch train stops at 500)");
        var epoch = await page.TextContentAsync("#epoch-now");
        Assert.Equal($"minitorch train --epochs {epoch}", await page.TextContentAsync("#train-command"));
        Assert.Empty(errors);
    }

    [SkippableFact]
    public async Task The_network_is_drawn_with_the_strongest_units_of_a_wide_layer_and_its_weights_show_their_numbers()
    {
        var (page, errors) = await _browser.NewPageAsync();
        await page.GotoAsync(_browser.Url("?tab=training&widths=30,4&activation=tanh&pace=slow"));
        var view = page.Locator("#network-view");
        await Expect(view.Locator("canvas.unit")).ToHaveCountAsync(2 + 12 + 4 + 1);
        await Expect(view.Locator(".more")).ToHaveTextAsync("+18 more");
        Assert.Equal((2 * 12) + (12 * 4) + 4, await view.Locator("line.weight").CountAsync());

        await view.Locator("canvas.unit[aria-label='layer2 unit 3']").HoverAsync();
        await Expect(view.Locator(".tip")).ToContainTextAsync("layer2 unit 3: strength");
        Assert.Equal(1, await view.Locator(".tip canvas").CountAsync());
        await page.ClickAsync("#step");
        await Expect(page.Locator("#training-status")).ToContainTextAsync("Epoch 1 of 500 (paused)");
        await view.Locator("line.hit").Last.HoverAsync(new() { Force = true });
        await Expect(view.Locator(".tip")).ToContainTextAsync("layer3.weight_");
        await Expect(view.Locator(".tip")).ToContainTextAsync("; gradient ");
        Assert.DoesNotContain("before the first epoch", await view.Locator(".tip").TextContentAsync(), StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    [SkippableFact]
    public async Task Noise_a_test_split_and_regenerate_reach_the_points_the_numbers_and_the_command()
    {
        var (page, _) = await _browser.NewPageAsync();
        await page.GotoAsync(_browser.Url("?tab=training&dataset=circle&pace=max&epochs=20"));
        await Expect(page.Locator("#training-status")).ToContainTextAsync("Ready");
        var before = await PointPixelsAsync(page);

        await SlideAsync(page, "#noise", 20);
        await SlideAsync(page, "#test", 30);
        await Expect(page.Locator("#train-command")).ToHaveTextAsync("minitorch train --dataset circle --noise 0.2 --test 0.3 --epochs 20");
        Assert.NotEqual(before, await PointPixelsAsync(page));
        await page.ClickAsync("#train");
        await Expect(page.Locator("#final-loss")).Not.ToHaveTextAsync("–");

        await Expect(page.Locator("#test-numbers")).ToBeVisibleAsync();
        Assert.Matches(@"^[0-9.e-]+, [0-9]+ of 15$", await page.TextContentAsync("#test-now"));
        await page.ClickAsync("#pause");
        await page.ClickAsync("#regenerate");
        await Expect(page.Locator("#training-status")).ToContainTextAsync("Settings changed: the run was reset");
        Assert.NotEqual("1", await page.InputValueAsync("#seed"));
        await Expect(page.Locator("#train-command")).ToContainTextAsync($"--seed {await page.InputValueAsync("#seed")}");
    }

    [SkippableFact]
    public async Task The_command_the_page_shows_reproduces_a_run_beyond_minitorch_to_the_last_digit()
    {
        var (page, errors) = await _browser.NewPageAsync();
        await page.GotoAsync(_browser.Url("?tab=training&dataset=spiral&widths=8,6,4&activation=tanh&rate=0.2&batch=9&l2=0.003&noise=0.1&test=0.2&epochs=60&seed=11&pace=max"));
        await Expect(page.Locator("#train-command")).ToContainTextAsync("--hidden 8,6,4");

        await page.ClickAsync("#train");
        await Expect(page.Locator("#final-loss")).Not.ToHaveTextAsync("–");

        var command = (await page.TextContentAsync("#train-command"))!.Split(' ');
        var folder = Directory.CreateTempSubdirectory("minitorch-page-command-").FullName;
        try
        {
            Assert.Equal(0, MiniTorchCommand.Run([.. command.Skip(1), "--out", folder], TextWriter.Null, TextWriter.Null));
            var last = File.ReadAllLines(Path.Combine(folder, "log.csv"))[^1].Split(',');
            Assert.Equal("60", last[0]);
            Assert.Equal(last[1], await page.TextContentAsync("#final-loss"));
            Assert.Equal(
                "minitorch train --dataset spiral --hidden 8,6,4 --activation tanh --rate 0.2 --batch 9 --l2 0.003 --seed 11 --noise 0.1 --test 0.2 --epochs 60",
                string.Join(' ', command));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        Assert.Empty(errors);
    }

    [SkippableFact]
    public async Task Settings_stay_editable_during_and_after_a_run_and_a_change_resets_it()
    {
        var (page, _) = await _browser.NewPageAsync();
        await page.GotoAsync(_browser.Url("?tab=training&epochs=100000&points=150&hidden=50&pace=normal"));
        await page.ClickAsync("#train");
        await Expect(page.Locator("#training-status")).ToContainTextAsync("(running)");

        Assert.False(await page.IsDisabledAsync("#rate"));
        await page.FillAsync("#rate", "0.3");

        await Expect(page.Locator("#training-status")).ToContainTextAsync("Settings changed: the run was reset");
        Assert.Equal(0, await page.Locator("#epochs-table tbody tr").CountAsync());
        Assert.False(await page.IsDisabledAsync("#train"));
        Assert.Contains("rate=0.3", await page.EvaluateAsync<string>("() => location.href"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_stuck_run_is_reported_with_a_hint()
    {
        var (page, _) = await _browser.NewPageAsync();
        await page.GotoAsync(_browser.Url("?tab=training&rate=5&epochs=120&pace=max"));

        await page.ClickAsync("#train");

        await Expect(page.Locator("#training-warning")).ToContainTextAsync("Training is stuck", new() { Timeout = 60_000 });
        await Expect(page.Locator("#training-warning")).ToContainTextAsync("try a smaller rate");
    }

    [SkippableFact]
    public async Task Bad_points_clear_the_stale_picture_and_empty_points_show_no_error()
    {
        var (page, _) = await _browser.NewPageAsync();
        await page.GotoAsync(_browser.Url("?tab=training"));
        await Expect(page.Locator("#training-status")).ToContainTextAsync("Ready");
        Assert.True(await PaintedPixelsAsync(page, "#boundary") > 0);

        await page.SelectOptionAsync("#dataset", "points");
        await Expect(page.Locator("#training-status")).ToContainTextAsync("Paste or upload your points");
        await Expect(page.Locator("#csv-error")).ToBeHiddenAsync();
        Assert.Equal(0, await PaintedPixelsAsync(page, "#boundary"));

        await page.FillAsync("#csv", "0.1,0.2,1\n0.3,0.4,7");
        await Expect(page.Locator("#csv-error")).ToHaveTextAsync("line 2: label \"7\" must be 0 or 1");
        Assert.Equal(0, await PaintedPixelsAsync(page, "#boundary"));
        Assert.Equal(0, await PaintedPixelsAsync(page, "#boundary-points"));
        Assert.Equal(0, await page.Locator("#network-view canvas").CountAsync());
    }

    [SkippableFact]
    public async Task A_lost_server_is_reported_and_the_page_recovers_when_it_returns()
    {
        var (first, address) = await SandboxServer.StartAsync(0);
        var (page, _) = await _browser.NewPageAsync();
        await page.GotoAsync(new Uri(address, "/?tab=training&epochs=100000&pace=slow").ToString());
        await page.ClickAsync("#train");
        await Expect(page.Locator("#training-status")).ToContainTextAsync("(running)");

        await first.StopAsync();
        await first.DisposeAsync();
        await Expect(page.Locator("#training-status")).ToContainTextAsync("Lost the connection to the sandbox server");
        await page.ClickAsync("#reset");
        await Expect(page.Locator("#training-status")).ToContainTextAsync("Lost the connection to the sandbox server");

        var (second, _) = await SandboxServer.StartAsync(address.Port);
        try
        {
            await Expect(page.Locator("#training-status")).ToContainTextAsync("The sandbox server is back", new() { Timeout = 30_000 });
            await page.ClickAsync("#step");
            await Expect(page.Locator("#training-status")).ToContainTextAsync("Epoch 1 of 100000 (paused)");
        }
        finally
        {
            await second.StopAsync();
            await second.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task The_training_tab_has_no_axe_violation_idle_running_or_finished()
    {
        var (page, _) = await _browser.NewPageAsync();
        await page.GotoAsync(_browser.Url("?tab=training&test=0.2&noise=0.1&widths=20,6&epochs=400"));
        await Expect(page.Locator("#training-status")).ToContainTextAsync("Ready");
        await AssertNoViolationsAsync(page, "idle");

        await page.ClickAsync("#train");
        await Expect(page.Locator("#training-status")).ToContainTextAsync("(running)");
        await AssertNoViolationsAsync(page, "running");

        await Expect(page.Locator("#final-loss")).Not.ToHaveTextAsync("–", new() { Timeout = 120_000 });
        await page.ClickAsync("#pause");
        await Expect(page.Locator("#training-status")).ToContainTextAsync("(paused");
        await AssertNoViolationsAsync(page, "finished");
    }

    private static async Task AssertNoViolationsAsync(IPage page, string state)
    {
        var violations = await AxeCheck.ViolationsAsync(page);
        Assert.True(violations.Length == 0, $"{state}: {string.Join("\n", violations)}");
    }

    // Moves a range input as a hand would: a new value and its input event.
    private static async Task SlideAsync(IPage page, string selector, int value) => await page.EvalOnSelectorAsync(
        selector, "(input, value) => { input.value = String(value); input.dispatchEvent(new Event('input', { bubbles: true })); }", value);

    // The drawn pixels of the points' canvas, as a checksum that changes when a point moves.
    private static Task<long> PointPixelsAsync(IPage page) => page.EvaluateAsync<long>(
        """
        () => {
          const canvas = document.getElementById('boundary-points');
          const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
          let sum = 0;
          for (let k = 3; k < data.length; k += 4) if (data[k]) sum += k;
          return sum;
        }
        """);

    private static Task<int> PaintedPixelsAsync(IPage page, string selector) => page.EvaluateAsync<int>(
        """
        selector => {
          const canvas = document.querySelector(selector);
          const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
          let count = 0;
          for (let k = 3; k < data.length; k += 4) if (data[k]) count++;
          return count;
        }
        """,
        selector);
}
