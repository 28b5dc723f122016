using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace MiniTorch;

/// <summary>
/// The one thread of the process that compiles tapes in the background (<see cref="BackgroundCompilation"/>), at the
/// lowest priority the operating system gives without privileges, so that compiling takes only time that training
/// threads leave unused. Work runs one piece at a time, in the order it was queued.
/// </summary>
/// <remarks>
/// <para>
/// Why a low priority: with a free core, compiling costs the training thread nothing, whatever the priority; with no
/// free core, the compiling's processor time comes out of the training thread's (Linux schedules a session's threads
/// as one group), and a run too short to reach the compiled code was measured up to 1.66 times slower than the
/// interpreted tape. At the lowest priority, a busy machine only delays the switch (docs/performance.md).
/// </para>
/// <para>
/// How: on Linux the thread sets its own nice value to 19 (a per-thread setting there, and raising it needs no
/// privilege; it cannot be lowered again without one, hence a thread of its own rather than a pool thread); elsewhere
/// <see cref="ThreadPriority.Lowest"/>, which Windows applies. Where neither takes effect, the thread runs at normal
/// priority, as a pool thread would. It is a background thread, so it never keeps a process alive, and it is started
/// at the first compilation of the process.
/// </para>
/// </remarks>
internal static class CompilingThread
{
    /// <summary>The nice value the thread asks Linux for: the lowest priority.</summary>
    public const int LinuxNice = 19;

    private static readonly Lazy<BlockingCollection<(Action Work, TaskCompletionSource Done)>> Queue = new(Start);

    /// <summary>Queues <paramref name="work"/> for the compiling thread.</summary>
    /// <param name="work">The work; an exception it throws fails the returned task, and the thread goes on.</param>
    /// <returns>A task that ends when the work has run.</returns>
    public static Task Run(Action work)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Queue.Value.Add((work, done));
        return done.Task;
    }

    private static BlockingCollection<(Action Work, TaskCompletionSource Done)> Start()
    {
        var queue = new BlockingCollection<(Action Work, TaskCompletionSource Done)>();
        var thread = new Thread(() => Serve(queue)) { IsBackground = true, Name = "MiniTorch tape compiler", Priority = ThreadPriority.Lowest };

        // Thread.Start returns only once the new thread runs, which can take milliseconds on a busy machine: a pool
        // thread starts it, so that the training thread that queues the first compilation does not wait for that.
        ThreadPool.UnsafeQueueUserWorkItem(static thread => thread.Start(), thread, preferLocal: false);
        return queue;
    }

    private static void Serve(BlockingCollection<(Action Work, TaskCompletionSource Done)> queue)
    {
        LowerLinuxPriority();
        foreach (var (work, done) in queue.GetConsumingEnumerable())
        {
            try
            {
                work();
                done.SetResult();
            }
            catch (Exception problem)
            {
                done.SetException(problem);
            }
        }
    }

    private static void LowerLinuxPriority()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            // PRIO_PROCESS with who = 0 is the calling thread on Linux. A failure leaves the normal priority.
            _ = SetPriority(0, 0, LinuxNice);
        }
        catch (Exception problem) when (problem is DllNotFoundException or EntryPointNotFoundException)
        {
            // No C library under that name (an unusual Linux): compiling runs at normal priority.
        }
    }

    [DllImport("libc", EntryPoint = "setpriority")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetPriority(int which, int who, int priority);
}
