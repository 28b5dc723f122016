using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

using MiniTorch.Runs;

namespace MiniTorch.Cli.Commands;

/// <summary>What <c>minitorch bench</c> measured, and its two ways of printing it: an aligned table or one JSON object.</summary>
/// <param name="Settings">The workload: dataset, points, hidden width, rate, seed, and the epochs of one run.</param>
/// <param name="Repeat">How many timed samples (turns) each engine made.</param>
/// <param name="MinSampleTime">How long the runs of one sample added up to at least.</param>
/// <param name="OpsPerEpoch">The scalar operations of one epoch: the sum over the points of their tape's node count.</param>
/// <param name="Engines">One row per engine, the hand-written baseline first.</param>
/// <param name="BaselineRelativeDifference">The relative difference between the baseline's final loss and the graph's.</param>
internal sealed record BenchReport(TrainingSettings Settings, int Repeat, TimeSpan MinSampleTime, long OpsPerEpoch, IReadOnlyList<BenchReport.Row> Engines, double BaselineRelativeDifference)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The column headers of the table, in order.</summary>
    public static readonly IReadOnlyList<string> Columns = ["engine", "median s", "ns/op", "B/op", "x baseline"];

    /// <summary>Writes the workload, the table and the agreement lines.</summary>
    /// <param name="output">Where to write.</param>
    public void WriteText(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var s = Settings;
        output.WriteLine(Invariant($"Standard workload: {s.Dataset}, {s.Points} points, hidden {s.Hidden}, rate {s.LearningRate}, seed {s.Seed}; {OpsPerEpoch} scalar ops per epoch"));
        output.WriteLine(Invariant($"Each run: {s.Epochs} epochs of forward, backward and SGD step from the same initial weights; median of {Repeat} turn(s), each timing whole runs for at least {MinSampleTime.TotalSeconds} s"));
        output.WriteLine();
        string[][] rows =
        [
            [.. Columns],
            .. Engines.Select(e => new[]
            {
                e.Engine, Invariant($"{e.MedianSeconds:F4}"), Invariant($"{e.NsPerOp:F2}"), Invariant($"{e.BytesPerOp:F1}"), Invariant($"{e.RatioToBaseline:F2}"),
            }),
        ];
        var widths = Enumerable.Range(0, Columns.Count).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))));
        }

        output.WriteLine();
        var graph = Engines.Single(e => e.Engine == TrainingEngines.Graph);
        var tape = Engines.Single(e => e.Engine == TrainingEngines.Tape);
        var compiled = Engines.Single(e => e.Engine == TrainingEngines.Compiled);
        var engines = string.Join(" = ", Engines.Skip(1).Select(e => e.Engine));
        output.WriteLine(Invariant($"Final loss: {engines} = {graph.FinalLoss:R} bit for bit (parameters too); hand-written relative difference {BaselineRelativeDifference:G3}"));
        output.WriteLine(Invariant($"B/op includes Sgd.Step, which makes a new leaf scalar per parameter: {tape.StepBytesPerOp:F2} B/op for each engine."));
        output.WriteLine(Invariant($"The rest of the tape's figure, {tape.BytesPerOp - tape.StepBytesPerOp:F2} B/op, is recording its tapes"));
        output.WriteLine(Invariant($"in the first epoch ({tape.FirstEpochSeconds * 1e3:F1} ms, in the time); compiled records and compiles in its first ({compiled.FirstEpochSeconds * 1e3:F1} ms, {compiled.BytesPerOp - compiled.StepBytesPerOp:F2} B/op)."));
        output.WriteLine(Invariant($"Compiling the two class tapes: {compiled.CompileSeconds * 1e3:F1} ms for {compiled.CompiledSteps} steps, {compiled.CompileSeconds * 1e6 / Math.Max(1, compiled.CompiledSteps):F1} us per step;"));
        output.WriteLine(Invariant($"without it, a compiled run takes {compiled.RatioWithoutCompiling:F2} x baseline"));
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
                ["ratioToBaseline"] = e.RatioToBaseline,
                ["finalLoss"] = e.FinalLoss,
                ["compileSeconds"] = e.CompileSeconds,
                ["compiledSteps"] = e.CompiledSteps,
                ["ratioWithoutCompiling"] = e.RatioWithoutCompiling,
            });
        }

        var root = new JsonObject
        {
            ["workload"] = new JsonObject
            {
                ["dataset"] = Settings.Dataset,
                ["points"] = Settings.Points,
                ["hidden"] = Settings.Hidden,
                ["rate"] = Settings.LearningRate,
                ["seed"] = Settings.Seed,
            },
            ["epochs"] = Settings.Epochs,
            ["repeat"] = Repeat,
            ["opsPerEpoch"] = OpsPerEpoch,
            ["engines"] = engines,
            ["graphEqualsTape"] = true,
            ["baselineRelativeDifference"] = BaselineRelativeDifference,
        };
        output.WriteLine(root.ToJsonString(Indented));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>One engine's figures.</summary>
    /// <param name="Engine">hand-written, graph, tape, or tape xN (the tape engine on N threads).</param>
    /// <param name="MedianSeconds">The time of one run: the median over the samples of their mean run time.</param>
    /// <param name="FirstEpochSeconds">The time of a run's first epoch (median over the samples of their mean), in which the tape engine records its tapes.</param>
    /// <param name="NsPerOp">The median time divided by the scalar operations of a run (epochs × <see cref="OpsPerEpoch"/>), in nanoseconds.</param>
    /// <param name="BytesPerOp">The bytes a run allocated on its thread (mean over the runs), divided by its scalar operations.</param>
    /// <param name="StepBytesPerOp">The part of <see cref="BytesPerOp"/> allocated by the SGD steps.</param>
    /// <param name="RatioToBaseline">
    /// The median over the turns of this engine's time divided by the hand-written baseline's time in the same turn.
    /// </param>
    /// <param name="FinalLoss">The total loss of the last epoch.</param>
    /// <param name="CompileSeconds">The time a run spent compiling its tapes (median over the samples of their mean); 0 unless the engine compiles.</param>
    /// <param name="CompiledSteps">The steps of the compiled tapes; 0 unless the engine compiles.</param>
    /// <param name="RatioWithoutCompiling">As <paramref name="RatioToBaseline"/>, with the time spent compiling taken out of each run.</param>
    public sealed record Row(
        string Engine, double MedianSeconds, double FirstEpochSeconds, double NsPerOp, double BytesPerOp, double StepBytesPerOp, double RatioToBaseline, double FinalLoss,
        double CompileSeconds, int CompiledSteps, double RatioWithoutCompiling);
}
