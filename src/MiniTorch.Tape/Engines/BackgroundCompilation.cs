namespace MiniTorch;

/// <summary>
/// <see cref="EpochCode.Compile"/> on the <see cref="CompilingThread"/>, for tiered compilation: the engine goes on
/// replaying its tapes interpreted and takes the code between epochs, once <see cref="Result"/> is set.
/// </summary>
/// <remarks>
/// <para>
/// The training thread never waits for the work: queueing returns at once (a thread started for each compilation made
/// the training thread wait for most of it on a busy machine, docs/performance.md), and <see cref="Dispose"/> cancels
/// without waiting either, since at the lowest priority the compiling thread may not run for a while on a busy
/// machine. The work stops at the next method it would generate or compile (or before it starts, when it is still
/// queued), and nobody takes its code.
/// </para>
/// <para>
/// The work reads only what does not change while it runs (the class tapes' steps and slot layout), so it may end
/// after the engine has let it go. A failure is kept in <see cref="Failure"/>; the engine then stays interpreted.
/// </para>
/// </remarks>
internal sealed class BackgroundCompilation : IDisposable
{
    // Not disposed: the work may read its token after Dispose, and a source without timers or linked tokens holds
    // nothing that the garbage collector does not free.
    private readonly CancellationTokenSource _cancel = new();
    private readonly Task _work;
    private volatile EpochCode? _result;
    private volatile Exception? _failure;

    /// <summary>Queues the compiling.</summary>
    /// <param name="compile">The work: compiles, checking the token between methods.</param>
    public BackgroundCompilation(Func<CancellationToken, EpochCode> compile)
    {
        var token = _cancel.Token;
        _work = CompilingThread.Run(() => Run(compile, token));
    }

    /// <summary>The compiled code, once the work has finished it; <see langword="null"/> before, and after a failure.</summary>
    public EpochCode? Result => _result;

    /// <summary>What went wrong, if compiling failed.</summary>
    public Exception? Failure => _failure;

    /// <summary>Whether the work is still queued or running.</summary>
    public bool IsRunning => !_work.IsCompleted;

    /// <summary>Waits until the work has ended (tests use it to switch to compiled code at an epoch of their choosing).</summary>
    public void Wait() => Task.WaitAny(_work);

    /// <summary>Cancels the work, without waiting for it to end. Safe to call more than once.</summary>
    public void Dispose() => _cancel.Cancel();

    private void Run(Func<CancellationToken, EpochCode> compile, CancellationToken token)
    {
        if (token.IsCancellationRequested)
        {
            return;
        }

        try
        {
            _result = compile(token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Cancelled before the code was ready: nobody wants it.
        }
        catch (Exception problem)
        {
            _failure = problem;
        }
    }
}
