using System.Globalization;

namespace MiniTorch.Web.Training;

/// <summary>One epoch's line of the page's table and chart, as <c>minitorch train</c> logs it.</summary>
/// <param name="Epoch">The epoch, from 1.</param>
/// <param name="Loss">The total loss on the training points.</param>
/// <param name="LossText">The total loss in round-trip form, as log.csv and the command's log lines write it.</param>
/// <param name="Correct">The training points classified correctly during the epoch.</param>
/// <param name="TestLoss">The total loss on the test points, or null when there are none.</param>
/// <param name="TestLossText">It in round-trip form, as log.csv's test_loss.</param>
/// <param name="TestCorrect">The test points classified correctly, or null.</param>
internal sealed record EpochRow(int Epoch, double Loss, string LossText, int Correct, double? TestLoss, string? TestLossText, int? TestCorrect)
{
    /// <summary>The row of one report, and of the test points' totals at that epoch if any.</summary>
    /// <param name="report">The report.</param>
    /// <param name="test">The test totals, or null.</param>
    /// <returns>The row.</returns>
    public static EpochRow Of(EpochReport report, EpochTotals? test) =>
        new(report.Epoch, report.TotalLoss, Text(report.TotalLoss), report.Correct, test?.TotalLoss, test is { } t ? Text(t.TotalLoss) : null, test?.Correct);

    private static string Text(double loss) => loss.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>
/// A <c>frame</c> event of the stream: the epochs finished since the last frame and, when it is the picture's turn,
/// the model's pictures after them (<see cref="Picture"/> is null otherwise: the page keeps the last one).
/// </summary>
/// <param name="State">running, paused or finished.</param>
/// <param name="Epoch">The epochs completed.</param>
/// <param name="Epochs">The epochs asked for (a run of the page goes on past them until paused).</param>
/// <param name="TrainingSeconds">The time spent in epochs so far, as the command's "Trained in" counts it.</param>
/// <param name="Pace">The pace of the epochs (<see cref="TrainingPace"/>).</param>
/// <param name="Rows">The epochs finished since the previous frame.</param>
/// <param name="Picture">The model after the last of them, or null.</param>
/// <param name="Warning">A sentence when the run is stuck (<see cref="Runs.RunHealth"/>), else null.</param>
internal sealed record TrainingFrame(string State, int Epoch, int Epochs, double TrainingSeconds, string Pace, EpochRow[] Rows, ModelPicture? Picture, string? Warning);

/// <summary>The last event of a stream, after which the page closes it rather than reconnecting.</summary>
/// <param name="Reason">finished, diverged, stopped (reset or server shutdown).</param>
/// <param name="Epoch">The epochs completed.</param>
/// <param name="FinalLossText">The last epoch's total loss in round-trip form, or null when no epoch ran.</param>
/// <param name="Message">One sentence for the page.</param>
internal sealed record TrainingEnd(string Reason, int Epoch, string? FinalLossText, string Message);

/// <summary>What a new training, or a preview of one, shows before its first epoch.</summary>
/// <param name="Id">The training's id for the other requests, or null for a preview.</param>
/// <param name="Dataset">The dataset's name.</param>
/// <param name="Points">The training points' coordinates, x1 and x2.</param>
/// <param name="Labels">The training points' labels, 0 or 1.</param>
/// <param name="TestPoints">The test points' coordinates (drawn hollow), empty when there are none.</param>
/// <param name="TestLabels">The test points' labels.</param>
/// <param name="Command">The <c>minitorch train</c> command that repeats the run.</param>
/// <param name="Picture">The initial model's pictures, or null for a new training (the page shows the preview's).</param>
internal sealed record TrainingStart(
    string? Id, string Dataset, double[][] Points, int[] Labels, double[][] TestPoints, int[] TestLabels, string Command, ModelPicture? Picture);
