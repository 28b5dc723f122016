using System.Globalization;
using System.Text;

using MiniTorch.Runs;

namespace MiniTorch.Cli.Commands;

/// <summary>The result of one finished training run, as a row of <c>summary.md</c>.</summary>
/// <param name="Plan">What the run trained.</param>
/// <param name="Final">The last epoch's report (its loss and correct count are the logged ones).</param>
/// <param name="Folder">The folder name of the run's files, relative to the summary.</param>
internal sealed record RunSummary(TrainingPlan Plan, EpochReport Final, string Folder)
{
    /// <summary>Writes the markdown table of several runs to <c>summary.md</c> in <paramref name="folder"/>, atomically.</summary>
    /// <param name="folder">The folder holding the runs' subfolders.</param>
    /// <param name="runs">The runs, in order.</param>
    public static void WriteTable(string folder, IReadOnlyList<RunSummary> runs)
    {
        var text = new StringBuilder();
        text.Append("# Training summary\n\n");
        text.Append("| dataset | hidden | points | rate | epochs | seed | final loss | correct | time | boundary |\n");
        text.Append("|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (var run in runs)
        {
            var s = run.Plan;
            text.Append(CultureInfo.InvariantCulture, $"| {s.Data.Name} | {s.Shape.HiddenText} | {s.Data.Count} | {s.LearningRate} | {s.Epochs} | {s.Seed} ");
            text.Append(CultureInfo.InvariantCulture, $"| {run.Final.TotalLoss:R} | {run.Final.Correct}/{s.Data.Count} | {run.Final.Elapsed.TotalSeconds:F1} s ");
            text.Append(CultureInfo.InvariantCulture, $"| ![{s.Data.Name}]({run.Folder}/boundary.png) |\n");
        }

        AtomicFile.WriteAllText(Path.Combine(folder, "summary.md"), text.ToString());
    }
}
