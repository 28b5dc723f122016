using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;

namespace MiniTorch.Web.Training;

/// <summary>
/// One training run of the page: the library's <see cref="Trainer"/> driven one epoch at a time, so that the page can
/// run, pause and step it, with its frames queued for the event stream.
/// </summary>
/// <remarks>
/// Each epoch is <c>trainer.Train(1)</c>: the same zeroing, epoch and step as one turn of the loop inside
/// <c>Train(epochs)</c>, which <c>minitorch train</c> calls, so the losses are the same bit for bit. The queue holds a
/// few frames; when the page reads slowly, training waits for it. A frame is sent at most every 100 ms while running
/// (after every epoch when epochs are slower), and after every epoch while paused or stepping.
/// </remarks>
internal sealed class TrainingSession : IDisposable
{
    private static readonly TimeSpan FrameInterval = TimeSpan.FromMilliseconds(100);

    private readonly object _gate = new();
    private readonly Trainer _trainer;
    private readonly List<EpochReport> _reports = [];
    private readonly Channel<TrainingFrame> _frames = Channel.CreateBounded<TrainingFrame>(4);
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Stopwatch _clock = new();
    private double?[] _gradients = [];
    private string _shownState = "paused";
    private bool _running;
    private int _steps;
    private int _attached;

    /// <summary>Prepares the run; it waits for <see cref="Play"/> or <see cref="Step"/>.</summary>
    /// <param name="setup">The settings and engine.</param>
    public TrainingSession(TrainingSetup setup)
    {
        Setup = setup;
        Network = setup.CreateNetwork();
        Data = setup.Data;
        _trainer = new Trainer(Network, Data, setup.LearningRate, setup.CreateEngine());
        Completion = Task.Run(RunAsync);
    }

    /// <summary>The training's id in the page's requests.</summary>
    public string Id { get; } = Guid.NewGuid().ToString("N");

    /// <summary>The settings and engine.</summary>
    public TrainingSetup Setup { get; }

    /// <summary>The network, whose parameters change as it trains; read it only inside <see cref="Read{T}"/>.</summary>
    public Network Network { get; }

    /// <summary>The training points.</summary>
    public Dataset Data { get; }

    /// <summary>The frames for the event stream; completed when the run ends, after which <see cref="End"/> is set.</summary>
    public ChannelReader<TrainingFrame> Frames => _frames.Reader;

    /// <summary>Why the run ended, set before <see cref="Frames"/> completes.</summary>
    public TrainingEnd? End { get; private set; }

    /// <summary>Ends when the run has ended, however it ended.</summary>
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

    /// <summary>Ends the run after the epoch under way; its stream ends with a <c>stopped</c> event.</summary>
    public void Stop() => _stop.Cancel();

    /// <summary>Reads the model and its reports while no epoch runs.</summary>
    /// <typeparam name="T">What is read.</typeparam>
    /// <param name="read">Gets the epochs completed so far.</param>
    /// <returns>What <paramref name="read"/> returned.</returns>
    public T Read<T>(Func<IReadOnlyList<EpochReport>, T> read)
    {
        lock (_gate)
        {
            return read(_reports);
        }
    }

    /// <summary>The module view: the tree, and each parameter with the gradient its last step used.</summary>
    /// <returns>The view.</returns>
    public ModuleView ReadModule()
    {
        lock (_gate)
        {
            return ModuleView.Of(Network, _gradients);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _stop.Cancel();
        _wake.Dispose();
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        var epochs = Setup.Epochs;
        var pending = new List<EpochRow>();
        var sinceFrame = Stopwatch.StartNew();
        try
        {
            while (_reports.Count < epochs)
            {
                await WaitForTurnAsync(pending).ConfigureAwait(false);
                TrainingOutcome outcome;
                EpochReport report;
                bool running;
                lock (_gate)
                {
                    _clock.Start();
                    outcome = _trainer.Train(1, new BeforeStep(KeepGradients));
                    _clock.Stop();
                    report = outcome.Final with { Epoch = _reports.Count + 1, Elapsed = _clock.Elapsed };
                    _reports.Add(report);
                    running = _running;
                }

                pending.Add(EpochRow.Of(report));
                if (outcome.Diverged)
                {
                    await SendAsync(pending, "paused").ConfigureAwait(false);
                    Finish("diverged", Invariant($"training diverged at epoch {report.Epoch}; try a smaller rate"));
                    return;
                }

                var last = report.Epoch == epochs;
                if (last || !running || sinceFrame.Elapsed >= FrameInterval)
                {
                    await SendAsync(pending, last ? "finished" : running ? "running" : "paused").ConfigureAwait(false);
                    sinceFrame.Restart();
                }
            }

            var final = _reports[^1];
            Finish("finished", Invariant(
                $"Trained {Data.Name} in {final.Elapsed.TotalSeconds:F1} s: loss {final.TotalLoss:R}, {final.Correct}/{Data.Count} correct in the last epoch"));
        }
        catch (OperationCanceledException)
        {
            Finish("stopped", Invariant($"training stopped after {_reports.Count} epochs"));
        }
        catch (ObjectDisposedException)
        {
            Finish("stopped", Invariant($"training stopped after {_reports.Count} epochs"));
        }
    }

    // The step replaces each parameter's scalar with a new leaf, so the gradients are read just before it.
    private void KeepGradients() => _gradients = [.. Network.Parameters().Select(p => p.Value.Derivative)];

    // Returns when the next epoch may run. A pause that came between epochs first sends a paused frame, with the epochs
    // not yet shown, so that the page never stays on "running".
    private async Task WaitForTurnAsync(List<EpochRow> pending)
    {
        while (true)
        {
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
                await SendAsync(pending, "paused").ConfigureAwait(false);
                continue;
            }

            await _wake.WaitAsync(_stop.Token).ConfigureAwait(false);
        }
    }

    private async Task SendAsync(List<EpochRow> pending, string state)
    {
        var epochs = Setup.Epochs;
        var done = _reports.Count;
        var perEpoch = _clock.Elapsed.TotalMilliseconds / done;
        var picture = ModelPicture.Draw(Network, Data);
        var frame = new TrainingFrame(state, done, epochs, perEpoch, perEpoch * (epochs - done) / 1000, [.. pending], picture);
        pending.Clear();
        _shownState = state;
        await _frames.Writer.WriteAsync(frame, _stop.Token).ConfigureAwait(false);
    }

    private void Finish(string reason, string message)
    {
        var final = _reports.Count > 0 ? _reports[^1].TotalLoss.ToString("R", CultureInfo.InvariantCulture) : null;
        End = new TrainingEnd(reason, _reports.Count, final, message);
        _frames.Writer.TryComplete();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Runs an action when the trainer reports an epoch, which it does before the epoch's step.</summary>
    private sealed class BeforeStep(Action action) : IProgress<EpochReport>
    {
        public void Report(EpochReport value) => action();
    }
}
