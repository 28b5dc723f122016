namespace MiniTorch.Runs;

/// <summary>
/// Whether a run is stuck: its loss has stopped moving while the network does no better than answering one class
/// for every point, as a network whose relu units all died, or whose sigmoid saturated at a large rate, does. Such a run
/// would go on for ever without learning; the command and the sandbox say so, with a hint, rather than report a normal
/// end.
/// </summary>
public static class RunHealth
{
    /// <summary>The fewest epochs that can show a stuck run: the loss must have stayed put over this many.</summary>
    public const int Window = 50;

    /// <summary>How little the loss may move over <see cref="Window"/> epochs, relative to its size, for it to count as not moving.</summary>
    public const double Flat = 1e-9;

    /// <summary>The one sentence said of a stuck run, with what to try.</summary>
    public const string StuckHint =
        "the loss has not moved for 50 epochs and the network does no better than answering one class (its units may be dead or saturated); try a smaller rate, another seed or tanh";

    /// <summary>Whether the run whose epochs are <paramref name="epochs"/> is stuck.</summary>
    /// <param name="epochs">Every epoch's report so far, in order.</param>
    /// <param name="labels">The training points' labels, which give the count of the larger class.</param>
    /// <returns>
    /// True when at least <see cref="Window"/> epochs have run, the last loss is within <see cref="Flat"/> (relative) of
    /// the loss <see cref="Window"/> epochs before, and the last correct count is at most the larger class's count.
    /// </returns>
    public static bool IsStuck(IReadOnlyList<EpochReport> epochs, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        ArgumentNullException.ThrowIfNull(labels);
        if (epochs.Count <= Window)
        {
            return false;
        }

        var last = epochs[^1];
        var before = epochs[^(Window + 1)].TotalLoss;
        var ones = labels.Count(label => label == 1);
        var larger = Math.Max(ones, labels.Count - ones);
        return double.IsFinite(last.TotalLoss)
            && Math.Abs(last.TotalLoss - before) <= Flat * Math.Max(1.0, Math.Abs(last.TotalLoss))
            && last.Correct <= larger;
    }
}
