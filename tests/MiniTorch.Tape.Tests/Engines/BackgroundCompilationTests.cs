using MiniTorch.Runs;

namespace MiniTorch.Tests;

/// <summary>
/// <see cref="BackgroundCompilation"/> and <see cref="CompilingThread"/>: the work runs on one background thread of
/// the lowest priority; disposing cancels the work without waiting for it, and work cancelled while still queued never
/// starts; a failure is kept, and the engine then goes on interpreted with the same results.
/// </summary>
[Trait("Task", "1.5")]
public sealed class BackgroundCompilationTests
{
    [Fact]
    public void The_work_runs_on_a_background_thread_of_the_lowest_priority()
    {
        Thread? thread = null;
        var nice = (int?)null;
        using var compilation = new BackgroundCompilation(_ =>
        {
            thread = Thread.CurrentThread;
            nice = OperatingSystem.IsLinux() ? NiceOfThisThread() : null;
            throw new InvalidOperationException("done");
        });
        compilation.Wait();

        Assert.Equal("done", compilation.Failure!.Message);
        Assert.True(thread!.IsBackground);
        Assert.Equal(ThreadPriority.Lowest, thread.Priority);
        Assert.Equal(OperatingSystem.IsLinux() ? CompilingThread.LinuxNice : null, nice);
    }

    [Fact]
    public void Dispose_cancels_the_work_without_waiting_for_it()
    {
        using var started = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var sawCancellation = false;
        var compilation = new BackgroundCompilation(cancel =>
        {
            started.Set();
            release.Wait(CancellationToken.None);
            sawCancellation = cancel.IsCancellationRequested;
            cancel.ThrowIfCancellationRequested();
            throw new InvalidOperationException("not cancelled");
        });
        started.Wait();

        compilation.Dispose();

        Assert.True(compilation.IsRunning);
        release.Set();
        compilation.Wait();
        Assert.True(sawCancellation);
        Assert.Null(compilation.Result);
        Assert.Null(compilation.Failure);
        compilation.Dispose();
    }

    [Fact]
    public void Work_cancelled_while_still_queued_never_starts()
    {
        using var started = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        using var first = new BackgroundCompilation(_ =>
        {
            started.Set();
            release.Wait(CancellationToken.None);
            throw new InvalidOperationException("first");
        });
        started.Wait();
        var secondStarted = false;
        var second = new BackgroundCompilation(_ =>
        {
            secondStarted = true;
            throw new InvalidOperationException("second");
        });

        second.Dispose();
        release.Set();
        second.Wait();

        Assert.False(secondStarted);
        Assert.Null(second.Failure);
        Assert.Equal("first", first.Failure!.Message);
    }

    [Fact]
    public void A_failure_is_kept_and_leaves_no_result()
    {
        using var compilation = new BackgroundCompilation(_ => throw new InvalidOperationException("broken"));
        compilation.Wait();

        Assert.Null(compilation.Result);
        Assert.Equal("broken", compilation.Failure!.Message);
    }

    [Fact]
    public void A_tiered_engine_whose_compilation_fails_goes_on_interpreted_with_the_graph_engines_results()
    {
        var settings = new TrainingSettings("split", 20, 4, 0.5, 6, 3);
        var data = settings.CreateDataset();
        var engine = new TapeEngine(TapeReplay.Tiered, TapeEngine.DefaultMaxLanes, VectorHardware.Current, _ => throw new InvalidOperationException("broken"));
        using var tiered = new EngineRun(settings, engine);
        var graph = new EngineRun(settings, new ScalarEngine());
        for (var epoch = 0; epoch < settings.Epochs; epoch++)
        {
            engine.WaitForCompilation();
            Assert.Equal(BitConverter.DoubleToInt64Bits(graph.Epoch(data).TotalLoss), BitConverter.DoubleToInt64Bits(tiered.Epoch(data).TotalLoss));
            graph.Step();
            tiered.Step();
        }

        BitAssert.Identical(graph.Values(), tiered.Values(), "parameters");
        Assert.Null(engine.CompiledFromEpoch);
        Assert.Equal("broken", engine.CompileFailure!.Message);
        Assert.False(engine.IsCompiling);
    }

    // Field 19 of /proc/thread-self/stat, counted after the command name, which ends at the last ')'.
    private static int NiceOfThisThread()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[19 - 3], System.Globalization.CultureInfo.InvariantCulture);
    }
}
