using System.Globalization;

using MiniTorch.Runs;

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
    public static string FinalLoss(TrainingSettings settings) =>
        FinalLoss(settings.CreateDataset(), settings.Hidden, settings.LearningRate, settings.Epochs, settings.Seed);

    /// <summary>The same for any points, such as a CSV's, and the network of width and seed as the command draws it.</summary>
    /// <param name="data">The points.</param>
    /// <param name="hidden">H.</param>
    /// <param name="rate">η.</param>
    /// <param name="epochs">The number of epochs.</param>
    /// <param name="seed">The seed of the initial parameters.</param>
    /// <returns>The last epoch's total loss.</returns>
    public static string FinalLoss(Dataset data, int hidden, double rate, int epochs, ulong seed)
    {
        var trainer = new Trainer(TrainingSettings.CreateNetwork(hidden, seed), data, rate, new TapeEngine());
        return trainer.Train(epochs).Final.TotalLoss.ToString("R", CultureInfo.InvariantCulture);
    }
}
