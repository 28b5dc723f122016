namespace MiniTorch;

/// <summary>What <see cref="Trainer.Train"/> did: every epoch's report, and whether the loss diverged.</summary>
/// <param name="Epochs">The report of every epoch run, in order; the last one is the final state.</param>
/// <param name="DivergedAtEpoch">
/// The epoch whose total loss was NaN or infinite, after which training stopped (that epoch is the last report and no
/// step followed it); <see langword="null"/> when every epoch ran.
/// </param>
public sealed record TrainingOutcome(IReadOnlyList<EpochReport> Epochs, int? DivergedAtEpoch)
{
    /// <summary>The last epoch's report.</summary>
    /// <exception cref="InvalidOperationException">No epoch ran.</exception>
    public EpochReport Final => Epochs.Count > 0 ? Epochs[^1] : throw new InvalidOperationException("No epoch ran.");

    /// <summary>True when training stopped because the loss became NaN or infinite.</summary>
    public bool Diverged => DivergedAtEpoch is not null;
}
