using MiniTorch.Runs;

namespace MiniTorch.Tests;

/// <summary>
/// <see cref="BackgroundCompilation"/>: the work runs on a background thread, which never keeps a process alive;
/// disposing cancels the work and returns only once it has ended, or at once when it has not started; a failure is kept, and the engine then goes
/// on interpreted with the same results.
/// </summary>
[Trait("Task", "1.5")]
public sealed class BackgroundCompilationTests
{
    [Fact]
    public void The_work_runs_on_a_background_thread_that_dispose_cancels_and_waits_for()
    {
        using var started = new ManualResetEventSlim();
        var cancelled = false;
        var onBackgroundThread = false;
        var compilation = new BackgroundCompilation(cancel =>
        {
            onBackgroundThread = Thread.CurrentThread.IsBackground;
            started.Set();
            cancelled = cancel.WaitHandle.WaitOne(TimeSpan.FromMinutes(1));
            cancel.ThrowIfCancellationRequested();
            throw new InvalidOperationException("not cancelled within a minute");
        });
        started.Wait();

        Assert.True(onBackgroundThread);
        Assert.True(compilation.IsRunning);
        compilation.Dispose();

        Assert.False(compilation.IsRunning);
        Assert.True(cancelled);
        Assert.Null(compilation.Result);
        Assert.Null(compilation.Failure);
        compilation.Dispose();
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
}
