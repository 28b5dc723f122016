using System.Diagnostics;
using System.Globalization;
using MiniTorch.Runs;
using MiniTorch.Web.Tests.Api;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace MiniTorch.Web.Tests.Browser;

/// <summary>
/// Measures, and reports rather than asserts (speed is never asserted in a test): how long a hidden-200 run takes on
/// the page, from the click on Train to the frame of its last epoch, against the command's training time for the same
/// run in the same process; and how many frames and pictures a second the default Xor run shows at the normal pace.
/// Each run is checked to end at the library's loss, so a page that skipped work could not look fast. The figures go to
/// the test output, and are added to the file named by MINITORCH_BENCH_REPORT when it is set.
/// </summary>
[Trait("Task", "1.5")]
[Trait("Category", "Benchmark")]
[Collection(SharedBrowser.Name)]
public sealed class TrainingPaceBenchmark : IClassFixture<ChromiumNotice>
{
    private const int Runs = 3;

    private readonly BrowserFixture _browser;
    private readonly ITestOutputHelper _output;

    public TrainingPaceBenchmark(BrowserFixture browser, ITestOutputHelper output)
    {
        _browser = browser;
        _output = output;
    }

    [SkippableFact]
    public async Task Hidden_200_on_the_page_against_the_commands_training_time()
    {
        var settings = new TrainingSettings("circle", 50, 200, 0.5, 30, 1);
        var (page, errors) = await _browser.NewPageAsync();
        for (var run = 1; run <= Runs; run++)
        {
            using var library = new TrainingRun(TrainingPlan.Of(settings));
            library.Train();
            var command = library.Epochs[^1].Elapsed.TotalSeconds;

            await page.GotoAsync(_browser.Url("?tab=training&dataset=circle&hidden=200&epochs=30&pace=max"));
            await Expect(page.Locator("#training-status")).ToContainTextAsync("Ready", new() { Timeout = 120_000 });
            var clock = Stopwatch.StartNew();
            await page.ClickAsync("#train");
            await page.WaitForFunctionAsync(
                "() => document.getElementById('final-loss').textContent !== '–'", null, new() { PollingInterval = 20, Timeout = 600_000 });
            var pageSeconds = clock.Elapsed.TotalSeconds;
            await page.ClickAsync("#pause");

            Assert.Equal(library.Epochs[^1].TotalLoss.ToString("R", CultureInfo.InvariantCulture), await page.TextContentAsync("#final-loss"));
            var own = await page.GetAttributeAsync("#page-training", "data-planned-seconds");
            var training = await page.GetAttributeAsync("#page-training", "data-planned-training-seconds");
            var pictures = await page.GetAttributeAsync("#page-training", "data-pictures");
            Report(string.Create(
                CultureInfo.InvariantCulture,
                $"hidden 200, Circle, 30 epochs, run {run}: command {command:F2} s; page {pageSeconds:F2} s from the click ({pageSeconds / command:F2}x), the page's own wall time {own} s, the server's training time {training} s, {pictures} pictures"));
        }

        Assert.Empty(errors);
    }

    [SkippableFact]
    public async Task Frames_and_pictures_a_second_of_default_xor_at_the_normal_pace()
    {
        var (page, errors) = await _browser.NewPageAsync();
        for (var run = 1; run <= Runs; run++)
        {
            await page.GotoAsync(_browser.Url("?tab=training&pace=normal"));
            await Expect(page.Locator("#training-status")).ToContainTextAsync("Ready");
            await page.ClickAsync("#train");
            await Expect(page.Locator("#final-loss")).Not.ToHaveTextAsync("–", new() { Timeout = 120_000 });
            await page.ClickAsync("#pause");

            Assert.Equal(Library.FinalLoss(TrainingSettings.Default), await page.TextContentAsync("#final-loss"));
            var seconds = double.Parse((await page.GetAttributeAsync("#page-training", "data-planned-seconds"))!, CultureInfo.InvariantCulture);
            var frames = int.Parse((await page.GetAttributeAsync("#page-training", "data-planned-frames"))!, CultureInfo.InvariantCulture);
            var pictures = int.Parse((await page.GetAttributeAsync("#page-training", "data-planned-pictures"))!, CultureInfo.InvariantCulture);
            Report(string.Create(
                CultureInfo.InvariantCulture,
                $"default Xor at the normal pace, run {run}: 500 epochs in {seconds:F2} s of page time, {frames} frames ({frames / seconds:F1} a second) and {pictures} pictures ({pictures / seconds:F1} a second)"));
        }

        Assert.Empty(errors);
    }

    private void Report(string line)
    {
        _output.WriteLine(line);
        if (Environment.GetEnvironmentVariable("MINITORCH_BENCH_REPORT") is { Length: > 0 } file)
        {
            File.AppendAllText(file, line + Environment.NewLine);
        }
    }
}
