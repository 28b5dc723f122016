using System.Globalization;

namespace MiniTorch.Web.Tests.Api;

/// <summary>What the library itself computes, for the expected values of the tests: never the server's code.</summary>
internal static class Library
{
    /// <summary>
    /// The final loss of a run as <c>minitorch train</c> computes it: a tape engine and one call of
    /// <see cref="Trainer.Train"/> for every epoch, in round-trip form.
    /// </summary>
    /// <param name="settings">The settings.</param>
    /// <returns>The last epoch's total loss.</returns>
    public static string FinalLoss(TrainingSettings settings)
    {
        var trainer = new Trainer(settings.CreateNetwork(), settings.CreateDataset(), settings.LearningRate, new TapeEngine());
        return trainer.Train(settings.Epochs).Final.TotalLoss.ToString("R", CultureInfo.InvariantCulture);
    }
}
