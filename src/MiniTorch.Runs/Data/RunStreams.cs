namespace MiniTorch.Runs;

/// <summary>
/// The random streams of a run, each derived from the run's seed so that one seed fixes the whole run, and each
/// unrelated to the others: the points draw from <c>SplitMix64(seed)</c> (<see cref="Datasets"/>), the initial
/// parameters from <c>SplitMix64(Mix(seed))</c> (<see cref="TrainingSettings.CreateNetwork(NetworkShape, ulong)"/>), and
/// the noise, the test split and the batches from <c>SplitMix64(Mix(Mix(seed) + k))</c> for k = 1, 2, 3.
/// </summary>
internal static class RunStreams
{
    /// <summary>The generator of the points' noise.</summary>
    /// <param name="seed">The run's seed.</param>
    /// <returns>A new generator.</returns>
    public static SplitMix64 Noise(ulong seed) => Stream(seed, 1);

    /// <summary>The generator that picks the test points.</summary>
    /// <param name="seed">The run's seed.</param>
    /// <returns>A new generator.</returns>
    public static SplitMix64 TestSplit(ulong seed) => Stream(seed, 2);

    /// <summary>The generator that orders the points into batches.</summary>
    /// <param name="seed">The run's seed.</param>
    /// <returns>A new generator.</returns>
    public static SplitMix64 Batches(ulong seed) => Stream(seed, 3);

    /// <summary>Draws a permutation of 0 … count − 1 by Fisher–Yates, from the last index down.</summary>
    /// <param name="count">How many indices.</param>
    /// <param name="random">The generator.</param>
    /// <returns>The indices in their drawn order.</returns>
    public static int[] Permutation(int count, SplitMix64 random)
    {
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        for (var i = count - 1; i > 0; i--)
        {
            var j = (int)(random.NextUInt64() % (ulong)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }

    private static SplitMix64 Stream(ulong seed, ulong k) => new(SplitMix64.Mix(unchecked(SplitMix64.Mix(seed) + k)));
}
