using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace MiniTorch.LoadTest;

/// <summary>What the load test prints, and the process's memory as it measures it.</summary>
internal static class Report
{
    /// <summary>Prints a line, numbers in the invariant culture.</summary>
    /// <param name="line">The line.</param>
    public static void Line(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));

    /// <summary>The managed memory in use after a full, blocking, compacting collection.</summary>
    /// <returns>Bytes.</returns>
    public static long ManagedMemory()
    {
        FullCollection();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>
    /// The process's resident memory after a full, compacting collection in the mode that gives as much memory back
    /// to the system as it can.
    /// </summary>
    /// <returns>Bytes.</returns>
    public static long ResidentAfterCollection()
    {
        FullCollection();
        return Resident();
    }

    /// <summary>The process's resident memory now.</summary>
    /// <returns>Bytes.</returns>
    public static long Resident()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    /// <summary>The process's threads now.</summary>
    /// <returns>The count.</returns>
    public static int Threads()
    {
        using var process = Process.GetCurrentProcess();
        return process.Threads.Count;
    }

    /// <summary>Megabytes, for the report.</summary>
    /// <param name="bytes">Bytes.</param>
    /// <returns>Megabytes (10⁶ bytes).</returns>
    public static double Megabytes(long bytes) => bytes / 1e6;

    private static void FullCollection()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
