using System.Collections.Concurrent;
using MiniTorch.Runs;

namespace MiniTorch.Web.Training;

/// <summary>
/// The server's trainings. At most <see cref="SandboxOptions.MaxTrainings"/> are unfinished at once, counted until
/// their last epoch has ended: a training that is reset or whose page went away keeps its place until it has stopped,
/// so that no more than the cap ever compute at once. A finished one
/// is kept for its downloads and module view until its page resets it, and only the newest
/// <see cref="KeptFinished"/> finished ones (or as many as the cap, if that is more) are kept, so memory stays bounded
/// however the server is used.
/// </summary>
internal sealed class TrainingSessions : IDisposable
{
    /// <summary>How many finished trainings are kept for their downloads.</summary>
    public const int KeptFinished = 16;

    private readonly ConcurrentDictionary<string, TrainingSession> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _finished = new();
    private readonly SandboxOptions _options;
    private readonly object _gate = new();
    private int _unfinished;

    /// <summary>Creates the registry.</summary>
    /// <param name="options">The limits.</param>
    public TrainingSessions(SandboxOptions options) => _options = options;

    /// <summary>The trainings that have not ended, whether or not they have been reset: each holds a place under the cap.</summary>
    public int Running => Volatile.Read(ref _unfinished);

    /// <summary>Starts a training unless <see cref="SandboxOptions.MaxTrainings"/> are running.</summary>
    /// <param name="plan">What to train.</param>
    /// <param name="pace">The pace of its epochs (<see cref="TrainingPace"/>).</param>
    /// <param name="runOn">Whether play goes on past the planned epochs until paused.</param>
    /// <returns>The new training, or null at the cap.</returns>
    public TrainingSession? TryStart(TrainingPlan plan, string pace = TrainingPace.Max, bool runOn = false)
    {
        TrainingSession session;
        lock (_gate)
        {
            if (Running >= _options.MaxTrainings)
            {
                return null;
            }

            session = new TrainingSession(plan, pace, runOn);
            Interlocked.Increment(ref _unfinished);
            _sessions[session.Id] = session;
        }

        _ = ForgetIfNeverAttachedAsync(session.Id);
        _ = session.Completion.ContinueWith(_ => OnFinished(session.Id), TaskScheduler.Default);
        return session;
    }

    /// <summary>Finds a training by id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The training, or null when there is none (never was, reset, or dropped).</returns>
    public TrainingSession? Find(string id) => _sessions.TryGetValue(id, out var session) ? session : null;

    /// <summary>Stops a training and forgets it.</summary>
    /// <param name="id">The id.</param>
    /// <returns>Whether there was such a training.</returns>
    public bool Remove(string id)
    {
        if (!_sessions.TryRemove(id, out var session))
        {
            return false;
        }

        session.Stop();
        _ = session.Completion.ContinueWith(_ => session.Dispose(), TaskScheduler.Default);
        return true;
    }

    /// <summary>Stops every training, for the server's shutdown; their streams end with a <c>stopped</c> event.</summary>
    public void StopAll()
    {
        foreach (var session in _sessions.Values)
        {
            session.Stop();
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var id in _sessions.Keys)
        {
            Remove(id);
        }
    }

    // Holds the id only, so that a training that is reset or finished early is not kept alive by the wait.
    private async Task ForgetIfNeverAttachedAsync(string id)
    {
        await Task.Delay(_options.ConnectTimeout).ConfigureAwait(false);
        if (Find(id) is { Attached: false })
        {
            Remove(id);
        }
    }

    private void OnFinished(string id)
    {
        Interlocked.Decrement(ref _unfinished);
        _finished.Enqueue(id);
        while (_finished.Count > Math.Max(KeptFinished, _options.MaxTrainings) && _finished.TryDequeue(out var oldest))
        {
            Remove(oldest);
        }
    }
}
