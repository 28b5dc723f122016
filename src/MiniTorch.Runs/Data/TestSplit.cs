namespace MiniTorch.Runs;

/// <summary>
/// Holds out some of a run's points for testing, as TensorFlow Playground's ratio of training to test data does: with
/// share s of N points, ⌊s · N⌋ points drawn at random are test points and the others train; both keep the points'
/// order. The network never trains on a test point; its loss and accuracy on them say how well it generalises.
/// </summary>
public static class TestSplit
{
    /// <summary>The largest share: 0.9, which leaves at least one training point.</summary>
    public const double MaxShare = 0.9;

    /// <summary>Splits <paramref name="data"/>.</summary>
    /// <param name="data">All the points.</param>
    /// <param name="share">0 to <see cref="MaxShare"/>; 0 keeps every point for training.</param>
    /// <param name="seed">The run's seed (the split has a stream of its own, see <see cref="RunStreams"/>).</param>
    /// <returns>
    /// The training points (<paramref name="data"/> itself when there are no test points) and the test points, or
    /// <see langword="null"/> when ⌊s · N⌋ is 0.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException">The share is outside [0, <see cref="MaxShare"/>].</exception>
    public static (Dataset Train, Dataset? Test) Of(Dataset data, double share, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        ThrowIfInvalid(share);
        var testCount = (int)Math.Floor(share * data.Count);
        if (testCount == 0)
        {
            return (data, null);
        }

        var isTest = new bool[data.Count];
        foreach (var index in RunStreams.Permutation(data.Count, RunStreams.TestSplit(seed)).Take(testCount))
        {
            isTest[index] = true;
        }

        return (Pick(data, isTest, false, data.Name), Pick(data, isTest, true, data.Name));
    }

    /// <summary>Throws unless 0 ≤ <paramref name="share"/> ≤ <see cref="MaxShare"/>.</summary>
    /// <param name="share">The share.</param>
    /// <exception cref="ArgumentOutOfRangeException">It is not.</exception>
    public static void ThrowIfInvalid(double share)
    {
        if (!(share >= 0 && share <= MaxShare))
        {
            throw new ArgumentOutOfRangeException(nameof(share), share, $"The test share must be from 0 to {MaxShare}.");
        }
    }

    private static Dataset Pick(Dataset data, bool[] isTest, bool test, string name)
    {
        var points = new List<DataPoint>();
        var labels = new List<int>();
        for (var k = 0; k < data.Count; k++)
        {
            if (isTest[k] == test)
            {
                points.Add(data.Points[k]);
                labels.Add(data.Labels[k]);
            }
        }

        return new Dataset(name, points, labels);
    }
}
