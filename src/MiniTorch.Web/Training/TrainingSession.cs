using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using MiniTorch.Runs;

namespace MiniTorch.Web.Training;

/// <summary>
/// One training run of the page: a <see cref="TrainingRun"/> driven one epoch at a time, so that the page can run,
/// pause and step it, with its frames queued for the event stream.
/// </summary>
/// <remarks>
/// Each epoch is <see cref="TrainingRun.TrainEpoch"/>, the epoch <c>minitorch train</c> runs too, so the losses are
/// the same bit for bit. The run has a thread of its own, so that trainings never hold the thread pool's threads,
/// which answer the requests. The queue holds a few frames; when the page reads slowly, training waits for it. A frame
/// is sent at most every 100 ms while running (after every epoch when epochs are slower), and after every epoch while
/// paused or stepping. <see cref="Stop"/> ends the epoch under way early (the graph engine's at its next point, a tape
/// engine's at its end: <see cref="TrainingRun"/>'s stop token) and starts no other; <see cref="Completion"/> ends
/// only then, after the engine has been disposed, so that whoever counts running trainings by it never counts a
/// stopped one that still computes.
/// </remarks>
internal sealed class TrainingSession : IDisposable
{
    private static readonly TimeSpan FrameInterval = TimeSpan.FromMilliseconds(100);

    private readonly object _gate = new();
    private readonly TrainingRun _run;
    private readonly Channel<TrainingFrame> _frames = Channel.CreateBounded<TrainingFrame>(4);
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _stop = new();
    private double?[] _gradients = [];
    private string _shownState = "paused";
    private bool _running;
    private int _steps;
    private int _attached;

    /// <summary>Prepares the run; it waits for <see cref="Play"/> or <see cref="Step"/>.</summary>
    /// <param name="plan">What to train.</param>
    public TrainingSession(TrainingPlan plan)
    {
        _run = new TrainingRun(plan, _stop.Token);
        Completion = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>The training's id in the page's requests.</summary>
    public string Id { get; } = Guid.NewGuid().ToString("N");

    /// <summary>What is trained.</summary>
    public TrainingPlan Plan => _run.Plan;

    /// <summary>The training points.</summary>
    public Dataset Data => _run.Data;

    /// <summary>The frames for the event stream; completed when the run ends, after which <see cref="End"/> is set.</summary>
    public ChannelReader<TrainingFrame> Frames => _frames.Reader;

    /// <summary>Why the run ended, set before <see cref="Frames"/> completes.</summary>
    public TrainingEnd? End { get; private set; }

    /// <summary>Ends when the run has ended, however it ended, and no epoch of it runs any more.</summary>
    public Task Completion { get; }

    /// <summary>Marks the event stream as opened.</summary>
    /// <returns>False if a stream was opened before: a run has one stream.</returns>
    public bool TryAttach() => Interlocked.Exchange(ref _attached, 1) == 0;

    /// <summary>Whether <see cref="TryAttach"/> has succeeded.</summary>
    public bool Attached => Volatile.Read(ref _attached) == 1;

    /// <summary>Runs epochs until the end or <see cref="Pause"/>.</summary>
    public void Play()
    {
        lock (_gate)
        {
            _running = true;
        }

        _wake.Release();
    }

    /// <summary>Stops after the epoch under way.</summary>
    public void Pause()
    {
        lock (_gate)
        {
            _running = false;
        }
    }

    /// <summary>Runs one more epoch, then waits.</summary>
    public void Step()
    {
        lock (_gate)
        {
            _running = false;
            _steps++;
        }

        _wake.Release();
    }

    /// <summary>Ends the run within the epoch under way; its stream ends with a <c>stopped</c> event.</summary>
    public void Stop() => _stop.Cancel();

    /// <summary>Reads the run (its network and the epochs completed so far) while no epoch runs.</summary>
    /// <typeparam name="T">What is read.</typeparam>
    /// <param name="read">Reads the run.</param>
    /// <returns>What <paramref name="read"/> returned.</returns>
    public T Read<T>(Func<TrainingRun, T> read)
    {
        lock (_gate)
        {
            return read(_run);
        }
    }

    /// <summary>The module view: the tree, and each parameter with the gradient its last step used.</summary>
    /// <returns>The view.</returns>
    public ModuleView ReadModule()
    {
        lock (_gate)
        {
            return ModuleView.Of(_run.Network, _gradients);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _stop.Cancel();
        _wake.Dispose();
        _stop.Dispose();
    }

    private void Run()
    {
        var pending = new List<EpochRow>();
        var sinceFrame = Stopwatch.StartNew();
        try
        {
            while (!_run.IsFinished)
            {
                WaitForTurn(pending);
                EpochReport report;
                bool running;
                lock (_gate)
                {
                    report = _run.TrainEpoch(new BeforeStep(KeepGradients));
                    running = _running;
                }

                pending.Add(EpochRow.Of(report));
                if (_run.Diverged)
                {
                    Send(pending, "paused");
                    Finish("diverged", Invariant($"training diverged at epoch {report.Epoch}; try a smaller rate"));
                    return;
                }

                var last = report.Epoch == Plan.Epochs;
                if (last || !running || sinceFrame.Elapsed >= FrameInterval)
                {
                    Send(pending, last ? "finished" : running ? "running" : "paused");
                    sinceFrame.Restart();
                }
            }

            var final = _run.Epochs[^1];
            Finish("finished", Invariant(
                $"Trained {Data.Name} in {final.Elapsed.TotalSeconds:F1} s: loss {final.TotalLoss:R}, {final.Correct}/{Data.Count} correct in the last epoch"));
        }
        catch (OperationCanceledException)
        {
            Finish("stopped", Invariant($"training stopped after {_run.Epochs.Count} epochs"));
        }
        finally
        {
            // The engine's threads, if it has any, end with the run; its network stays readable for the downloads.
            _run.Dispose();
        }
    }

    // The step replaces each parameter's scalar with a new leaf, so the gradients are read just before it.
    private void KeepGradients() => _gradients = [.. _run.Network.Parameters().Select(p => p.Value.Derivative)];

    // Returns when the next epoch may run, and throws once the run is stopped, so that no epoch starts after Stop. A
    // pause that came between epochs first sends a paused frame, with the epochs not yet shown, so that the page never
    // stays on "running".
    private void WaitForTurn(List<EpochRow> pending)
    {
        while (true)
        {
            _stop.Token.ThrowIfCancellationRequested();
            lock (_gate)
            {
                if (_running)
                {
                    return;
                }

                if (_steps > 0)
                {
                    _steps--;
                    return;
                }
            }

            if (pending.Count > 0 || _shownState == "running")
            {
                Send(pending, "paused");
                continue;
            }

            _wake.Wait(_stop.Token);
        }
    }

    // Queues a frame; blocks this run's own thread while the queue is full (the page reads slowly) until it is read or
    // the run is stopped.
    private void Send(List<EpochRow> pending, string state)
    {
        var epochs = Plan.Epochs;
        var done = _run.Epochs.Count;
        var perEpoch = _run.Epochs[^1].Elapsed.TotalMilliseconds / done;
        var picture = ModelPicture.Draw(_run.Network, Data);
        var frame = new TrainingFrame(state, done, epochs, perEpoch, perEpoch * (epochs - done) / 1000, [.. pending], picture);
        pending.Clear();
        _shownState = state;
        while (!_frames.Writer.TryWrite(frame))
        {
            _frames.Writer.WaitToWriteAsync(_stop.Token).AsTask().GetAwaiter().GetResult();
        }
    }

    private void Finish(string reason, string message)
    {
        var final = _run.Epochs.Count > 0 ? _run.Epochs[^1].TotalLoss.ToString("R", CultureInfo.InvariantCulture) : null;
        End = new TrainingEnd(reason, _run.Epochs.Count, final, message);
        _frames.Writer.TryComplete();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Runs an action when the trainer reports an epoch, which it does before the epoch's step.</summary>
    private sealed class BeforeStep(Action action) : IProgress<EpochReport>
    {
        public void Report(EpochReport value) => action();
    }
}
