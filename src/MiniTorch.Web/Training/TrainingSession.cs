using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using MiniTorch.Runs;

namespace MiniTorch.Web.Training;

/// <summary>
/// One training run of the page: a <see cref="TrainingRun"/> driven one epoch at a time, so that the page can run,
/// pause and step it at a pace of its choosing, with its frames queued for the event stream.
/// </summary>
/// <remarks>
/// <para>
/// Each epoch is <see cref="TrainingRun.TrainEpoch"/>, the epoch <c>minitorch train</c> runs too, so the losses are
/// the same bit for bit; a run that plays on (<see cref="TrainingRequest.RunOn"/>) goes past the planned epochs with
/// the same epochs until paused, up to <see cref="TrainingRequest.MaxEpochs"/>. The run has a thread of its own, so
/// that trainings never hold the thread pool's threads, which answer the requests. At a pace other than max, each
/// epoch waits for its turn (<see cref="TrainingPace"/>).
/// </para>
/// <para>
/// Frames are compact: each carries the epochs since the last one, and a picture (<see cref="ModelPicture"/>) only
/// when drawing it keeps the pictures within a tenth of the run's busy time, so that a wide network trains at the
/// command's speed; a pause and the end always carry one. The planned last epoch always has a frame of its own. A
/// frame goes out at most every 40 ms while running (100 ms at max pace), and after every epoch while paused or
/// stepping. The queue holds a few frames; when the page reads slowly, training waits for it. <see cref="Stop"/> ends
/// the epoch under way early (the graph engine's at its next point, a tape engine's at its end: <see cref="TrainingRun"/>'s
/// stop token) and starts no other; <see cref="Completion"/> ends only then, after the engines have been disposed, so
/// that whoever counts running trainings by it never counts a stopped one that still computes.
/// </para>
/// </remarks>
internal sealed class TrainingSession : IDisposable
{
    private static readonly TimeSpan PacedFrameInterval = TimeSpan.FromMilliseconds(40);
    private static readonly TimeSpan MaxPaceFrameInterval = TimeSpan.FromMilliseconds(100);

    // The pictures' share of the busy time: at most a tenth.
    private const double PictureShare = 0.1;

    private readonly object _gate = new();
    private readonly TrainingRun _run;
    private readonly bool _runOn;
    private readonly Channel<TrainingFrame> _frames = Channel.CreateBounded<TrainingFrame>(4);
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Stopwatch _busy = new();
    private readonly Stopwatch _paceClock = new();
    private TimeSpan _pictureTime;
    private TimeSpan? _pictureCost;
    private PictureDrawer? _drawer;
    private double?[] _gradients = [];
    private string _shownState = "paused";
    private string _pace;
    private int _pacedEpochs;
    private bool _running;
    private int _steps;
    private int _attached;

    /// <summary>Prepares the run; it waits for <see cref="Play"/> or <see cref="Step"/>.</summary>
    /// <param name="plan">What to train.</param>
    /// <param name="pace">The pace, one of <see cref="TrainingPace.Names"/>.</param>
    /// <param name="runOn">Whether play goes on past the planned epochs until paused.</param>
    public TrainingSession(TrainingPlan plan, string pace = TrainingPace.Max, bool runOn = false)
    {
        _run = new TrainingRun(plan, _stop.Token);
        _pace = pace;
        _runOn = runOn;
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
            RestartPace();
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

        _wake.Release();
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

    /// <summary>Changes the pace from the next epoch on.</summary>
    /// <param name="pace">One of <see cref="TrainingPace.Names"/>.</param>
    public void SetPace(string pace)
    {
        lock (_gate)
        {
            _pace = pace;
            RestartPace();
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

    private bool IsOver => _run.Diverged || (_runOn ? _run.Epochs.Count >= TrainingRequest.MaxEpochs : _run.IsFinished);

    private void Run()
    {
        var pending = new List<EpochRow>();
        var sinceFrame = Stopwatch.StartNew();
        try
        {
            while (!IsOver)
            {
                WaitForTurn(pending);
                EpochReport report;
                bool running;
                string pace;
                lock (_gate)
                {
                    var beforeStep = new BeforeStep(KeepGradients);
                    report = _run.Epochs.Count < Plan.Epochs ? _run.TrainEpoch(beforeStep) : _run.TrainEpochOnward(beforeStep);
                    running = _running;
                    pace = _pace;
                    _pacedEpochs++;
                }

                pending.Add(EpochRow.Of(report, _run.Tests.Count > 0 ? _run.Tests[^1] : null));
                if (_run.Diverged)
                {
                    Send(pending, "paused", picture: true);
                    Finish("diverged", Invariant($"training diverged at epoch {report.Epoch}; try a smaller rate"));
                    return;
                }

                var planned = report.Epoch == Plan.Epochs;
                var interval = pace == TrainingPace.Max ? MaxPaceFrameInterval : PacedFrameInterval;
                if (IsOver || planned || !running || sinceFrame.Elapsed >= interval)
                {
                    Send(pending, IsOver ? "finished" : running ? "running" : "paused", picture: IsOver || !running || PictureDue());
                    sinceFrame.Restart();
                }
            }

            var final = _run.Epochs[^1];
            var stuck = RunHealth.IsStuck(_run.Epochs, Data.Labels) ? Invariant($"; training is stuck: {RunHealth.StuckHint}") : string.Empty;
            Finish("finished", Invariant(
                $"Trained {Data.Name} in {final.Elapsed.TotalSeconds:F1} s: loss {final.TotalLoss:R}, {final.Correct}/{Data.Count} correct in the last epoch{stuck}"));
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

    // The step replaces each parameter's scalar with a new leaf, so the gradients are read just before it, into one
    // array kept for the whole run.
    private void KeepGradients()
    {
        if (_gradients.Length == 0)
        {
            _gradients = new double?[Plan.Shape.ParameterCount];
        }

        _run.CopyGradients(_gradients);
    }

    // A picture is due when the pictures so far and this one would take at most a tenth of the time the run has been
    // busy. Before the first, its cost is guessed from the network's size (about 8 µs per parameter, recording
    // included); after, it is the last picture's.
    private bool PictureDue()
    {
        _pictureCost ??= TimeSpan.FromMicroseconds(8.0 * Plan.Shape.ParameterCount);
        return _pictureTime + _pictureCost.Value <= PictureShare * _busy.Elapsed;
    }

    // Called with the gate held: the pace counts epochs from now.
    private void RestartPace()
    {
        _paceClock.Restart();
        _pacedEpochs = 0;
    }

    // Returns when the next epoch may run, and throws once the run is stopped, so that no epoch starts after Stop. A
    // pause that came between epochs first sends a paused frame, with the epochs not yet shown, so that the page never
    // stays on "running". While playing at a pace, waits for the epoch's turn; a run slower than its pace is not
    // asked to catch up.
    private void WaitForTurn(List<EpochRow> pending)
    {
        while (true)
        {
            _stop.Token.ThrowIfCancellationRequested();
            TimeSpan wait;
            lock (_gate)
            {
                if (_steps > 0 && !_running)
                {
                    _steps--;
                    _busy.Start();
                    return;
                }

                if (_running)
                {
                    wait = TurnOf(_pacedEpochs + 1) - _paceClock.Elapsed;
                    if (wait <= TimeSpan.Zero)
                    {
                        if (-wait > PacedFrameInterval)
                        {
                            RestartPace();
                        }

                        _busy.Start();
                        return;
                    }
                }
                else
                {
                    wait = Timeout.InfiniteTimeSpan;
                }
            }

            if (wait == Timeout.InfiniteTimeSpan && (pending.Count > 0 || _shownState == "running"))
            {
                Send(pending, "paused", picture: true);
                continue;
            }

            if (wait == Timeout.InfiniteTimeSpan)
            {
                _busy.Stop();
            }

            _wake.Wait(wait, _stop.Token);
        }
    }

    // When epoch n (counted from the pace's start) may begin: n − 1 epochs after the start at the pace's rate.
    private TimeSpan TurnOf(int epoch) =>
        TrainingPace.EpochsPerSecond(_pace) is { } rate ? TimeSpan.FromSeconds((epoch - 1) / rate) : TimeSpan.Zero;

    // Queues a frame; blocks this run's own thread while the queue is full (the page reads slowly) until it is read or
    // the run is stopped.
    private void Send(List<EpochRow> pending, string state, bool picture)
    {
        var done = _run.Epochs.Count;
        ModelPicture? drawn = null;
        if (picture && done > 0)
        {
            var drawing = Stopwatch.StartNew();
            _drawer ??= new PictureDrawer(_run.Network);
            var (low, high) = PictureDrawer.Square(Data, Plan.Test);
            drawn = _drawer.Draw(low, high, _gradients);
            _pictureCost = drawing.Elapsed;
            _pictureTime += drawing.Elapsed;
        }

        var warning = RunHealth.IsStuck(_run.Epochs, Data.Labels) ? $"Training is stuck: {RunHealth.StuckHint}." : null;
        var seconds = done > 0 ? _run.Epochs[^1].Elapsed.TotalSeconds : 0;
        string pace;
        lock (_gate)
        {
            pace = _pace;
        }

        var frame = new TrainingFrame(state, done, Plan.Epochs, seconds, pace, [.. pending], drawn, warning);
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
