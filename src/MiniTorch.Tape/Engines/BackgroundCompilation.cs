namespace MiniTorch;

/// <summary>
/// <see cref="EpochCode.Compile"/> on a thread of its own, for tiered compilation: the engine goes on replaying its
/// tapes interpreted and takes the code between epochs, once <see cref="Result"/> is set.
/// </summary>
/// <remarks>
/// The thread is a background thread, so it never keeps a process alive, and it reads only what does not change while
/// it runs (the class tapes' steps and slot layout). <see cref="Dispose"/> cancels the work, which stops at the next
/// method it would generate or compile, and waits for the thread to end: a thread never outlives its compilation,
/// and the wait is at most the JIT's time for one method. A failure is kept in <see cref="Failure"/>; the engine then
/// stays interpreted.
/// </remarks>
internal sealed class BackgroundCompilation : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly Thread _thread;
    private volatile EpochCode? _result;
    private volatile Exception? _failure;
    private bool _disposed;

    /// <summary>Starts compiling.</summary>
    /// <param name="compile">The work: compiles, checking the token between methods.</param>
    public BackgroundCompilation(Func<CancellationToken, EpochCode> compile)
    {
        var token = _cancel.Token;
        _thread = new Thread(() => Run(compile, token)) { IsBackground = true, Name = "MiniTorch tape compiler", Priority = ThreadPriority.BelowNormal };
        _thread.Start();
    }

    /// <summary>The compiled code, once the thread has finished it; <see langword="null"/> before, and after a failure.</summary>
    public EpochCode? Result => _result;

    /// <summary>What went wrong, if compiling failed.</summary>
    public Exception? Failure => _failure;

    /// <summary>Whether the thread is still running.</summary>
    public bool IsRunning => _thread.IsAlive;

    /// <summary>Whether the thread is a background thread, which does not keep the process alive.</summary>
    public bool IsBackground => _thread.IsBackground;

    /// <summary>Waits until the thread has finished (tests use it to switch to compiled code at an epoch of their choosing).</summary>
    public void Wait() => _thread.Join();

    /// <summary>Cancels the work and waits for the thread to end. Safe to call more than once.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _cancel.Cancel();
        _thread.Join();
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
