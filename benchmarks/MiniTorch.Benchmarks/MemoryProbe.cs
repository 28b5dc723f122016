using System.Diagnostics;
using System.Globalization;

namespace MiniTorch.Benchmarks;

/// <summary>
/// <c>memory</c>: bytes allocated per graph node, measured with <see cref="GC.GetAllocatedBytesForCurrentThread"/>, for
/// the standard workload in each implementation (the pass over the points and the SGD step apart) and for a chain of
/// 10⁶ nodes; and a check that the implementations agree.
/// <c>memory --chain N</c>: builds and backpropagates one chain of N nodes and reports the peak working set.
/// </summary>
public static class MemoryProbe
{
    private const int Epochs = 20;

    /// <summary>Runs the probe and prints plain lines.</summary>
    /// <param name="args">Empty, or <c>--chain N</c>.</param>
    public static void Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args is ["--chain", var count])
        {
            PeakOfChain(int.Parse(count, CultureInfo.InvariantCulture));
            return;
        }

        using var workload = new StandardWorkload();
        Check(workload);
        workload.LetTieredSwitch();
        Print($"standard workload: {workload.NodesPerEpoch} computed nodes per epoch, {Epochs} epochs measured after warm-up");
        foreach (var which in Enum.GetValues<Implementation>())
        {
            Measure(workload, which);
        }

        foreach (var op in new[] { ChainOp.Add, ChainOp.Mul })
        {
            const int chainLength = 1_000_000;
            Scalar output = Scalar.Constant(0.0);
            var built = Allocated(() => output = Chain.Build(chainLength, op).Output);
            var backward = Allocated(() => output.Backward());
            Print($"chain of 10^6 {op}: build {built / chainLength:F1} B/node (node + constant), backward {backward / chainLength:F1} B/node");
        }
    }

    // The pass and the step apart; for an engine in its own loop, whole epochs (its step is part of them).
    private static void Measure(StandardWorkload workload, Implementation which)
    {
        workload.Epoch(which);
        var firstId = new Scalar(0.0).UniqueId;
        var pass = 0.0;
        var step = 0.0;
        var ownLoop = StandardWorkload.HasOwnLoop(which);
        for (var e = 0; e < Epochs; e++)
        {
            pass += Allocated(() => _ = ownLoop ? workload.Epoch(which) : workload.Pass(which));
            step += ownLoop ? 0.0 : Allocated(() => workload.Step(which));
        }

        var scalars = (new Scalar(0.0).UniqueId - firstId - 1) / (double)Epochs;
        var nodes = (double)workload.NodesPerEpoch;
        var what = ownLoop ? "epoch with its step" : "pass";
        Print($"{which,-14} {what} {pass / Epochs,10:F0} B/epoch = {pass / Epochs / nodes,6:F1} B/node;  SGD step {step / Epochs,6:F0} B/epoch;  {scalars,6:F0} scalars/epoch");
    }

    private static double Allocated(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>One epoch of each implementation from the same weights: the graph and every tape engine bit for bit, the baseline close.</summary>
    private static void Check(StandardWorkload workload)
    {
        var graph = workload.Epoch(Implementation.Graph);
        var baseline = workload.Epoch(Implementation.HandWritten);
        var graphParameters = workload.Parameters(Implementation.Graph);
        var baselineParameters = workload.Parameters(Implementation.HandWritten);
        var identical = Enum.GetValues<Implementation>()
            .Where(which => which is not (Implementation.Graph or Implementation.HandWritten))
            .All(which => workload.Epoch(which) is var totals && graph.TotalLoss.Equals(totals.TotalLoss) && graph.Correct == totals.Correct
                && graphParameters.AsSpan().SequenceEqual(workload.Parameters(which)));
        var worst = Math.Abs(baseline.TotalLoss - graph.TotalLoss) / Math.Abs(graph.TotalLoss);
        for (var k = 0; k < graphParameters.Length; k++)
        {
            worst = Math.Max(worst, Math.Abs(baselineParameters[k] - graphParameters[k]) / Math.Max(Math.Abs(graphParameters[k]), double.Epsilon));
        }

        Print($"check after one epoch: graph = every tape engine bit for bit: {identical}; largest relative difference of the hand-written baseline: {worst:G3}");
    }

    private static void PeakOfChain(int nodes)
    {
        var clock = Stopwatch.StartNew();
        var (leaf, output) = Chain.Build(nodes, ChainOp.Add);
        var built = clock.Elapsed;
        output.Backward();
        var total = clock.Elapsed;
        using var process = Process.GetCurrentProcess();
        Print($"chain of {nodes} Add nodes: build {built.TotalSeconds:F1} s, backward {(total - built).TotalSeconds:F1} s, "
            + $"derivative {leaf.Derivative}, peak working set {process.PeakWorkingSet64 / (1024.0 * 1024 * 1024):F2} GiB");
    }

    private static void Print(string line) => Console.WriteLine(line);
}
