using System.Runtime.ExceptionServices;

namespace MiniTorch;

/// <summary>
/// Long-lived worker threads that run the parts of one job side by side with the calling thread: part 0 on the caller,
/// part w on worker w. Made for jobs of tens of microseconds, where starting tasks would cost as much as the work.
/// </summary>
/// <remarks>
/// Each worker waits for its start signal, runs its part and sets its done signal; the caller runs part 0 meanwhile
/// and then waits for every done signal. The signals are <see cref="ManualResetEventSlim"/>s that spin and yield for
/// a while before they block (<see cref="SpinCount"/>), so a worker started again soon after finishing is usually
/// not yet asleep; they yield rather than spin without end, because a pure busy spin holds a core that the other
/// thread may need. Setting and waiting on them are full fences: what the caller wrote before
/// <see cref="Run"/> is visible to the workers, and what the workers wrote is visible to the caller when
/// <see cref="Run"/> returns. Not thread-safe: one caller at a time.
/// </remarks>
internal sealed class EpochWorkers : IDisposable
{
    /// <summary>
    /// How many rounds of spinning and yielding a signal makes before it blocks: the most
    /// <see cref="ManualResetEventSlim"/> allows, so that a worker is still awake when the next epoch starts: a worker
    /// that has gone to sleep costs about as much to wake as an epoch's part saves.
    /// </summary>
    private const int SpinCount = 2047;

    private readonly Action<int> _part;
    private readonly Worker[] _workers;
    private volatile bool _stopping;

    /// <summary>Starts <paramref name="threads"/> − 1 background threads (none for one thread).</summary>
    /// <param name="threads">The parts that can run at once, the caller included; at least 1.</param>
    /// <param name="part">The job: runs part w when called with w, from 0 to the parts of a <see cref="Run"/> − 1.</param>
    /// <param name="spinCount">How long a signal spins before it blocks; <see cref="SpinCount"/> unless a test needs the caller to block at once.</param>
    public EpochWorkers(int threads, Action<int> part, int spinCount = SpinCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _part = part;
        _workers = new Worker[threads - 1];
        for (var w = 0; w < _workers.Length; w++)
        {
            _workers[w] = new Worker(this, w + 1, spinCount);
        }
    }

    /// <summary>The parts that can run at once, the caller included.</summary>
    public int Threads => _workers.Length + 1;

    /// <summary>
    /// Runs parts 0 to <paramref name="parts"/> − 1, part 0 on the calling thread, and returns when all have finished.
    /// </summary>
    /// <param name="parts">From 1 to <see cref="Threads"/>.</param>
    /// <remarks>
    /// When parts throw, the exception of the lowest-numbered one is rethrown here, on the calling thread, with its
    /// original stack trace, after every part has finished; the workers stay ready for the next run.
    /// </remarks>
    /// <exception cref="ObjectDisposedException">The workers were stopped.</exception>
    public void Run(int parts)
    {
        ObjectDisposedException.ThrowIf(_stopping, this);
        ArgumentOutOfRangeException.ThrowIfLessThan(parts, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(parts, Threads);
        for (var w = 0; w < parts - 1; w++)
        {
            _workers[w].Start();
        }

        Exception? first = null;
        try
        {
            _part(0);
        }
        catch (Exception problem)
        {
            first = problem;
        }

        for (var w = 0; w < parts - 1; w++)
        {
            var problem = _workers[w].Finish();
            first ??= problem;
        }

        if (first is not null)
        {
            ExceptionDispatchInfo.Throw(first);
        }
    }

    /// <summary>Stops the worker threads and waits for them to end. Safe to call more than once.</summary>
    public void Dispose()
    {
        if (_stopping)
        {
            return;
        }

        _stopping = true;
        foreach (var worker in _workers)
        {
            worker.Dispose();
        }
    }

    /// <summary>One worker thread and its two signals.</summary>
    private sealed class Worker : IDisposable
    {
        private readonly EpochWorkers _owner;
        private readonly int _part;
        private readonly ManualResetEventSlim _start;
        private readonly ManualResetEventSlim _done;
        private readonly Thread _thread;
        private Exception? _error;

        public Worker(EpochWorkers owner, int part, int spinCount)
        {
            _owner = owner;
            _part = part;
            _start = new(false, spinCount);
            _done = new(true, spinCount);

            // The first wait that blocks on a ManualResetEventSlim allocates the event's lock object. The calling
            // thread blocks on _done only when a worker is late, which may first happen many epochs in; a brief wait
            // now, before the worker exists, makes that allocation here, so that an epoch never allocates.
            _done.Reset();
            _done.Wait(millisecondsTimeout: 1);
            _done.Set();
            _thread = new Thread(Loop) { IsBackground = true, Name = $"MiniTorch epoch worker {part}" };
            _thread.Start();
        }

        /// <summary>Lets the worker run its part once.</summary>
        public void Start()
        {
            _error = null;
            _done.Reset();
            _start.Set();
        }

        /// <summary>Waits until the part has finished.</summary>
        /// <returns>What the part threw, or <see langword="null"/>.</returns>
        public Exception? Finish()
        {
            _done.Wait();
            return _error;
        }

        /// <summary>Wakes the worker so that it sees the owner stopping, waits for its thread to end, frees the signals.</summary>
        public void Dispose()
        {
            _done.Wait();
            _start.Set();
            _thread.Join();
            _start.Dispose();
            _done.Dispose();
        }

        private void Loop()
        {
            while (true)
            {
                _start.Wait();
                _start.Reset();
                if (_owner._stopping)
                {
                    return;
                }

                try
                {
                    _owner._part(_part);
                }
                catch (Exception problem)
                {
                    _error = problem;
                }
                finally
                {
                    _done.Set();
                }
            }
        }
    }
}
