namespace MiniTorch.Tests;

/// <summary>The worker threads behind <see cref="ParallelTapeEngine"/>: every part once, part 0 on the caller, errors surfaced.</summary>
[Trait("Task", "1.5")]
public sealed class EpochWorkersTests
{
    [Fact]
    public void Each_part_runs_once_part_0_on_the_calling_thread_and_the_others_on_their_own_threads()
    {
        var threads = new int[4];
        var runs = new int[4];
        using var workers = new EpochWorkers(4, part =>
        {
            threads[part] = Environment.CurrentManagedThreadId;
            Interlocked.Increment(ref runs[part]);
        });

        for (var round = 0; round < 100; round++)
        {
            workers.Run(round % 4 + 1);
        }

        Assert.Equal([100, 75, 50, 25], runs);
        Assert.Equal(Environment.CurrentManagedThreadId, threads[0]);
        Assert.Equal(4, threads.Distinct().Count());
    }

    [Fact]
    public void The_lowest_failing_part_is_rethrown_on_the_caller_after_all_parts_finished()
    {
        var finished = 0;
        using var workers = new EpochWorkers(3, part =>
        {
            if (part > 0)
            {
                Interlocked.Increment(ref finished);
                throw new InvalidOperationException($"part {part}");
            }
        });

        var error = Assert.Throws<InvalidOperationException>(() => workers.Run(3));

        Assert.Equal("part 1", error.Message);
        Assert.Equal(2, Volatile.Read(ref finished));
        Assert.Throws<InvalidOperationException>(() => workers.Run(3));
        Assert.Equal(4, Volatile.Read(ref finished));
    }

    [Fact]
    public void Waiting_for_a_late_worker_for_the_first_time_allocates_nothing_on_the_calling_thread()
    {
        // Another set of workers first, so that the code is compiled before the measurement.
        using (var warm = new EpochWorkers(2, _ => { }))
        {
            warm.Run(2);
        }

        // No spinning, and part 1 ends only once the calling thread is blocked waiting for it: the first blocking
        // wait happens inside the measurement, whatever the timing.
        Thread? caller = null;
        using var workers = new EpochWorkers(
            2,
            part =>
            {
                if (part == 0)
                {
                    Volatile.Write(ref caller, Thread.CurrentThread);
                    return;
                }

                SpinWait.SpinUntil(() => Volatile.Read(ref caller) is { } waiting && (waiting.ThreadState & ThreadState.WaitSleepJoin) != 0);
            },
            spinCount: 0);

        var before = GC.GetAllocatedBytesForCurrentThread();
        workers.Run(2);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Part_0_failing_wins_over_the_workers()
    {
        using var workers = new EpochWorkers(2, part => throw new ArithmeticException($"part {part}"));

        Assert.Equal("part 0", Assert.Throws<ArithmeticException>(() => workers.Run(2)).Message);
    }

    [Fact]
    public void Part_counts_outside_1_to_the_threads_and_runs_after_dispose_are_refused()
    {
        var workers = new EpochWorkers(2, _ => { });

        Assert.Throws<ArgumentOutOfRangeException>(() => workers.Run(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => workers.Run(3));
        workers.Dispose();
        workers.Dispose();
        Assert.Throws<ObjectDisposedException>(() => workers.Run(1));
    }
}
