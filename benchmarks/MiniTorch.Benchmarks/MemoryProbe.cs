using System.Diagnostics;
using System.Globalization;

namespace MiniTorch.Benchmarks;

/// <summary>
/// <c>memory</c>: bytes allocated per graph node, measured with <see cref="GC.GetAllocatedBytesForCurrentThread"/>, for
/// the standard workload in each engine and for a chain of 10⁶ nodes; and a check that the engines agree.
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

        var workload = new StandardWorkload();
        var graph = new double[workload.ParameterCount];
        var tape = new double[workload.ParameterCount];
        var baseline = new double[workload.ParameterCount];
        Check(workload.GraphEpoch(graph), workload.TapeEpoch(tape), workload.BaselineEpoch(baseline), graph, tape, baseline);

        var nodes = (double)workload.NodesPerEpoch;
        Print($"standard workload: {workload.NodesPerEpoch} computed nodes per epoch, {Epochs} epochs measured after warm-up");
        Measure("hand-written", nodes, () => workload.BaselineEpoch(baseline));
        Measure("tape", nodes, () => workload.TapeEpoch(tape));
        Measure("graph", nodes, () => workload.GraphEpoch(graph));

        foreach (var op in new[] { ChainOp.Add, ChainOp.Mul })
        {
            const int chainLength = 1_000_000;
            Scalar output = Scalar.Constant(0.0);
            var built = Allocated(() => output = Chain.Build(chainLength, op).Output);
            var backward = Allocated(() => output.Backward());
            Print($"chain of 10^6 {op}: build {built / chainLength:F1} B/node (node + constant), backward {backward / chainLength:F1} B/node");
        }
    }

    private static void Measure(string engine, double nodesPerEpoch, Action epoch)
    {
        epoch();
        var firstId = new Scalar(0.0).UniqueId;
        var bytes = Allocated(() =>
        {
            for (var e = 0; e < Epochs; e++)
            {
                epoch();
            }
        });
        var scalars = (new Scalar(0.0).UniqueId - firstId - 1) / (double)Epochs;
        Print($"{engine,-12} {bytes / Epochs,12:F0} B/epoch  {bytes / Epochs / nodesPerEpoch,8:F1} B/computed node  {scalars,8:F0} scalars/epoch");
    }

    private static double Allocated(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static void Check(double graphLoss, double tapeLoss, double baselineLoss, double[] graph, double[] tape, double[] baseline)
    {
        var identical = graphLoss.Equals(tapeLoss) && graph.AsSpan().SequenceEqual(tape);
        var worst = Math.Abs(baselineLoss - graphLoss) / Math.Abs(graphLoss);
        for (var k = 0; k < graph.Length; k++)
        {
            worst = Math.Max(worst, Math.Abs(baseline[k] - graph[k]) / Math.Max(Math.Abs(graph[k]), double.Epsilon));
        }

        Print($"check: graph = tape bit for bit: {identical}; largest relative difference of the hand-written baseline: {worst:G3}");
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
