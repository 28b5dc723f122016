using System.Globalization;

namespace MiniTorch.Web.Training;

/// <summary>One epoch's line of the page's table, as <c>minitorch train</c> logs it.</summary>
/// <param name="Epoch">The epoch, from 1.</param>
/// <param name="Loss">The total loss.</param>
/// <param name="LossText">The total loss in round-trip form, as log.csv and the command's log lines write it.</param>
/// <param name="Correct">The points classified correctly during the epoch.</param>
internal sealed record EpochRow(int Epoch, double Loss, string LossText, int Correct)
{
    /// <summary>The row of one report.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The row.</returns>
    public static EpochRow Of(EpochReport report) =>
        new(report.Epoch, report.TotalLoss, report.TotalLoss.ToString("R", CultureInfo.InvariantCulture), report.Correct);
}

/// <summary>
/// A <c>frame</c> event of the stream: the epochs finished since the last frame and the model's pictures after them.
/// </summary>
/// <param name="State">running, paused or finished.</param>
/// <param name="Epoch">The epochs completed.</param>
/// <param name="Epochs">The epochs asked for.</param>
/// <param name="MsPerEpoch">Training time per epoch so far, in milliseconds (pauses not counted).</param>
/// <param name="SecondsLeft">The time the remaining epochs will take at that pace.</param>
/// <param name="Rows">The epochs finished since the previous frame.</param>
/// <param name="Picture">The model after the last of them.</param>
internal sealed record TrainingFrame(string State, int Epoch, int Epochs, double MsPerEpoch, double SecondsLeft, EpochRow[] Rows, ModelPicture Picture);

/// <summary>The last event of a stream, after which the page closes it rather than reconnecting.</summary>
/// <param name="Reason">finished, diverged, stopped (reset or server shutdown).</param>
/// <param name="Epoch">The epochs completed.</param>
/// <param name="FinalLossText">The last epoch's total loss in round-trip form, or null when no epoch ran.</param>
/// <param name="Message">One sentence for the page.</param>
internal sealed record TrainingEnd(string Reason, int Epoch, string? FinalLossText, string Message);

/// <summary>What a new training, or a preview of one, shows before its first epoch.</summary>
/// <param name="Id">The training's id for the other requests, or null for a preview.</param>
/// <param name="Dataset">The dataset's name.</param>
/// <param name="Points">The points' coordinates, x1 and x2.</param>
/// <param name="Labels">The points' labels, 0 or 1.</param>
/// <param name="Picture">The initial model's pictures.</param>
internal sealed record TrainingStart(string? Id, string Dataset, double[][] Points, int[] Labels, ModelPicture Picture);
