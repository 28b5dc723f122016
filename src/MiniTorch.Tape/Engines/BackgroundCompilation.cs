namespace MiniTorch;

/// <summary>
/// <see cref="EpochCode.Compile"/> on a pool thread, for tiered compilation: the engine goes on replaying its tapes
/// interpreted and takes the code between epochs, once <see cref="Result"/> is set.
/// </summary>
/// <remarks>
/// <para>
/// Why the thread pool rather than a thread of its own: <see cref="Thread.Start()"/> returns only once the new thread
/// runs, and on a busy machine the new thread kept the core until its time slice ended, so the training thread waited
/// for most of the compiling anyway (measured in docs/performance.md); queueing to the pool returns at once. Pool
/// threads are background threads, so the work never keeps a process alive.
/// </para>
/// <para>
/// The work reads only what does not change while it runs (the class tapes' steps and slot layout).
/// <see cref="Dispose"/> cancels it, which stops at the next method it would generate or compile (or before it starts,
/// when it is still queued), and waits for it to end: the work never outlives the engine, and the wait is at most the
/// JIT's time for one method. A failure is kept in <see cref="Failure"/>; the engine then stays interpreted.
/// </para>
/// </remarks>
internal sealed class BackgroundCompilation : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly Task _work;
    private volatile EpochCode? _result;
    private volatile Exception? _failure;
    private bool _disposed;

    /// <summary>Starts compiling.</summary>
    /// <param name="compile">The work: compiles, checking the token between methods.</param>
    public BackgroundCompilation(Func<CancellationToken, EpochCode> compile)
    {
        var token = _cancel.Token;
        _work = Task.Run(() => Run(compile, token), token);
    }

    /// <summary>The compiled code, once the work has finished it; <see langword="null"/> before, and after a failure.</summary>
    public EpochCode? Result => _result;

    /// <summary>What went wrong, if compiling failed.</summary>
    public Exception? Failure => _failure;

    /// <summary>Whether the work is still queued or running.</summary>
    public bool IsRunning => !_work.IsCompleted;

    /// <summary>Waits until the work has finished (tests use it to switch to compiled code at an epoch of their choosing).</summary>
    public void Wait() => Task.WaitAny(_work);

    /// <summary>Cancels the work and waits for it to end. Safe to call more than once.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _cancel.Cancel();
        Wait();
        _cancel.Dispose();
    }

    private void Run(Func<CancellationToken, EpochCode> compile, CancellationToken token)
    {
        try
        {
            _result = compile(token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Disposed before the code was ready: nobody wants it.
        }
        catch (Exception problem)
        {
            _failure = problem;
        }
    }
}
