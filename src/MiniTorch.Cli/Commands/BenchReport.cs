using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

using MiniTorch.Runs;

namespace MiniTorch.Cli.Commands;

/// <summary>What <c>minitorch bench</c> measured, and its two ways of printing it: aligned tables or one JSON object.</summary>
/// <param name="Settings">The workload: dataset, points, hidden width, rate, seed, and the epochs of one run.</param>
/// <param name="Repeat">How many timed samples (turns) each engine made.</param>
/// <param name="MinSampleTime">How long the runs of one sample added up to at least.</param>
/// <param name="OpsPerEpoch">The scalar operations of one epoch: the sum over the points of their tape's node count.</param>
/// <param name="Engines">One row per engine, the hand-written baseline first.</param>
/// <param name="BaselineRelativeDifference">The relative difference between the baseline's final loss and the graph's.</param>
/// <param name="WideNetwork">The wide network's figures, epoch by epoch.</param>
internal sealed record BenchReport(
    TrainingSettings Settings, int Repeat, TimeSpan MinSampleTime, long OpsPerEpoch, IReadOnlyList<BenchReport.Row> Engines, double BaselineRelativeDifference,
    BenchReport.Wide WideNetwork)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The column headers of the table, in order.</summary>
    public static readonly IReadOnlyList<string> Columns = ["engine", "median s", "ns/op", "B/op", "B/epoch", "x baseline", "x w/o compile"];

    /// <summary>The column headers of the wide network's table, in order.</summary>
    public static readonly IReadOnlyList<string> WideColumns = ["engine", "ms/epoch", "x baseline"];

    /// <summary>Writes the workload, the tables and the agreement lines.</summary>
    /// <param name="output">Where to write.</param>
    public void WriteText(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var s = Settings;
        output.WriteLine(Invariant($"Standard workload: {s.Dataset}, {s.Points} points, hidden {s.Hidden}, rate {s.LearningRate}, seed {s.Seed}; {OpsPerEpoch} scalar ops per epoch"));
        output.WriteLine(Invariant($"Each run: {s.Epochs} epochs of forward, backward and SGD step from the same initial weights; median of {Repeat} turn(s), each timing whole runs for at least {MinSampleTime.TotalSeconds} s"));
        output.WriteLine();
        WriteTable(output, Columns, Engines.Select(e => new[]
        {
            e.Engine, Invariant($"{e.MedianSeconds:F4}"), Invariant($"{e.NsPerOp:F2}"), Invariant($"{e.BytesPerOp:F1}"), Invariant($"{e.LastEpochBytes}"),
            Invariant($"{e.RatioToBaseline:F2}"), Invariant($"{e.RatioWithoutCompiling:F2}"),
        }));
        output.WriteLine();
        var graph = Engines.Single(e => e.Engine == TrainingEngines.Graph);
        var tape = Engines.Single(e => e.Engine == TrainingEngines.Tape);
        var engines = string.Join(" = ", Engines.Skip(1).Select(e => e.Engine));
        output.WriteLine(Invariant($"Final loss: {engines} = {graph.FinalLoss:R} bit for bit (parameters too); hand-written relative difference {BaselineRelativeDifference:G3}"));
        output.WriteLine(Invariant($"B/op: all a run allocates; graph and tape take Sgd.Step, a new leaf scalar per parameter ({tape.StepBytesPerOp:F2} B/op), the compiled engines step on arrays. B/epoch: a run's last epoch."));
        var (scalar, vector, auto) = (Find(BenchMeasurement.CompiledRowNames[0]), Find(BenchMeasurement.CompiledRowNames[1]), Find(BenchMeasurement.CompiledRowNames[2]));
        output.WriteLine(Invariant($"{scalar.Engine} and {vector.Engine} record and compile in their first epoch: {scalar.CompileSeconds * 1e3:F1} and {vector.CompileSeconds * 1e3:F1} ms for {vector.CompiledSteps} steps; x w/o compile takes that time out."));
        output.WriteLine(Invariant($"{auto.Engine} compiles on another thread ({auto.CompileSeconds * 1e3:F1} ms) and runs compiled from epoch {auto.CompiledFromEpoch:F0} (median; 0: not within the run); its training thread never waits for it."));
        output.WriteLine();
        var w = WideNetwork.Settings;
        output.WriteLine(Invariant($"Wide network: {w.Dataset}, {w.Points} points, hidden {w.Hidden}, rate {w.LearningRate}, seed {w.Seed}; {WideNetwork.OpsPerEpoch} scalar ops per epoch"));
        output.WriteLine(Invariant($"Time per epoch, each engine trained on after its first {w.Epochs} (checked: the same bits as the tape) and warmed up; median of {Repeat} turn(s)"));
        output.WriteLine();
        WriteTable(output, WideColumns, WideNetwork.Engines.Select(e => new[] { e.Engine, Invariant($"{e.EpochSeconds * 1e3:F2}"), Invariant($"{e.RatioToBaseline:F2}") }));
    }

    /// <summary>Writes the same numbers as one indented JSON object.</summary>
    /// <param name="output">Where to write.</param>
    public void WriteJson(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var engines = new JsonArray();
        foreach (var e in Engines)
        {
            engines.Add(new JsonObject
            {
                ["engine"] = e.Engine,
                ["medianSeconds"] = e.MedianSeconds,
                ["firstEpochSeconds"] = e.FirstEpochSeconds,
                ["nsPerOp"] = e.NsPerOp,
                ["bytesPerOp"] = e.BytesPerOp,
                ["stepBytesPerOp"] = e.StepBytesPerOp,
                ["lastEpochBytes"] = e.LastEpochBytes,
                ["ratioToBaseline"] = e.RatioToBaseline,
                ["finalLoss"] = e.FinalLoss,
                ["compileSeconds"] = e.CompileSeconds,
                ["compiledSteps"] = e.CompiledSteps,
                ["compiledFromEpoch"] = e.CompiledFromEpoch,
                ["ratioWithoutCompiling"] = e.RatioWithoutCompiling,
            });
        }

        var wide = new JsonArray();
        foreach (var e in WideNetwork.Engines)
        {
            wide.Add(new JsonObject
            {
                ["engine"] = e.Engine,
                ["epochSeconds"] = e.EpochSeconds,
                ["ratioToBaseline"] = e.RatioToBaseline,
                ["compiledFromEpoch"] = e.CompiledFromEpoch,
            });
        }

        var root = new JsonObject
        {
            ["workload"] = Workload(Settings),
            ["epochs"] = Settings.Epochs,
            ["repeat"] = Repeat,
            ["opsPerEpoch"] = OpsPerEpoch,
            ["engines"] = engines,
            ["graphEqualsTape"] = true,
            ["baselineRelativeDifference"] = BaselineRelativeDifference,
            ["wide"] = new JsonObject
            {
                ["workload"] = Workload(WideNetwork.Settings),
                ["opsPerEpoch"] = WideNetwork.OpsPerEpoch,
                ["engines"] = wide,
            },
        };
        output.WriteLine(root.ToJsonString(Indented));
    }

    private static JsonObject Workload(TrainingSettings settings) => new()
    {
        ["dataset"] = settings.Dataset,
        ["points"] = settings.Points,
        ["hidden"] = settings.Hidden,
        ["rate"] = settings.LearningRate,
        ["seed"] = settings.Seed,
    };

    private static void WriteTable(TextWriter output, IReadOnlyList<string> columns, IEnumerable<string[]> cells)
    {
        string[][] rows = [[.. columns], .. cells];
        var widths = Enumerable.Range(0, columns.Count).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private Row Find(string engine) => Engines.Single(e => e.Engine == engine);

    /// <summary>One engine's figures.</summary>
    /// <param name="Engine">hand-written, graph, tape, compiled scalar, compiled vector, auto, or tape xN (the tape engine on N threads).</param>
    /// <param name="MedianSeconds">The time of one run: the median over the samples of their mean run time.</param>
    /// <param name="FirstEpochSeconds">The time of a run's first epoch (median over the samples of their mean), in which the tape engines record their tapes.</param>
    /// <param name="NsPerOp">The median time divided by the scalar operations of a run (epochs × <see cref="OpsPerEpoch"/>), in nanoseconds.</param>
    /// <param name="BytesPerOp">The bytes a run allocated on its thread (mean over the runs), divided by its scalar operations.</param>
    /// <param name="StepBytesPerOp">The part of <see cref="BytesPerOp"/> allocated by <see cref="Sgd.Step"/> (0 for the engines that step in their own loop).</param>
    /// <param name="RatioToBaseline">
    /// The median over the turns of this engine's time divided by the hand-written baseline's time in the same turn.
    /// </param>
    /// <param name="FinalLoss">The total loss of the last epoch.</param>
    /// <param name="CompileSeconds">The time a run spent compiling (median over the samples of their mean), wherever it ran; 0 unless the engine compiles.</param>
    /// <param name="CompiledSteps">The steps of the compiled code; 0 unless the engine compiles.</param>
    /// <param name="RatioWithoutCompiling">As <paramref name="RatioToBaseline"/>, with the time the training thread spent compiling taken out of each run.</param>
    /// <param name="LastEpochBytes">What the last epoch of a run allocated on the training thread.</param>
    /// <param name="CompiledFromEpoch">The first epoch that ran compiled code (median over the samples of their mean); 0 when none did.</param>
    public sealed record Row(
        string Engine, double MedianSeconds, double FirstEpochSeconds, double NsPerOp, double BytesPerOp, double StepBytesPerOp, double RatioToBaseline, double FinalLoss,
        double CompileSeconds, int CompiledSteps, double RatioWithoutCompiling, long LastEpochBytes, double CompiledFromEpoch);

    /// <summary>The wide network's figures.</summary>
    /// <param name="Settings">Its workload; the epochs are those checked before timing.</param>
    /// <param name="OpsPerEpoch">The scalar operations of one epoch.</param>
    /// <param name="Engines">One row per engine, the hand-written baseline first.</param>
    public sealed record Wide(TrainingSettings Settings, long OpsPerEpoch, IReadOnlyList<WideRow> Engines);

    /// <summary>One engine's time per epoch on the wide network.</summary>
    /// <param name="Engine">The engine.</param>
    /// <param name="EpochSeconds">The median over the turns of the mean epoch time.</param>
    /// <param name="RatioToBaseline">The median over the turns of this engine's epoch time divided by the baseline's in the same turn.</param>
    /// <param name="CompiledFromEpoch">The first epoch that ran compiled code; 0 when none did.</param>
    public sealed record WideRow(string Engine, double EpochSeconds, double RatioToBaseline, int CompiledFromEpoch);
}
