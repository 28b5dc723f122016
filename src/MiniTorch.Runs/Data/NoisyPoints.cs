namespace MiniTorch.Runs;

/// <summary>
/// Noise as TensorFlow Playground adds it: each point keeps the label its clean position gave it and is then moved,
/// each coordinate by noise · u with u uniform in [−0.5, 0.5), so that the classes overlap near the boundary. At 50%
/// a point moves by up to a quarter of the square each way.
/// </summary>
public static class NoisyPoints
{
    /// <summary>The most noise: 0.5, half the square's side peak to peak.</summary>
    public const double MaxNoise = 0.5;

    /// <summary>Moves the points of <paramref name="data"/>; with no noise, returns <paramref name="data"/> itself.</summary>
    /// <param name="data">The clean points.</param>
    /// <param name="noise">0 to <see cref="MaxNoise"/>.</param>
    /// <param name="seed">The run's seed (the noise has a stream of its own, see <see cref="RunStreams"/>).</param>
    /// <returns>The moved points with their labels, in the same order.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The noise is outside [0, <see cref="MaxNoise"/>].</exception>
    public static Dataset Add(Dataset data, double noise, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        ThrowIfInvalid(noise);
        if (noise == 0)
        {
            return data;
        }

        var random = RunStreams.Noise(seed);
        var moved = new DataPoint[data.Count];
        for (var k = 0; k < data.Count; k++)
        {
            var point = data.Points[k];
            var dx1 = noise * random.NextDouble(-0.5, 0.5);
            var dx2 = noise * random.NextDouble(-0.5, 0.5);
            moved[k] = new DataPoint(point.X1 + dx1, point.X2 + dx2);
        }

        return new Dataset(data.Name, moved, data.Labels);
    }

    /// <summary>Throws unless 0 ≤ <paramref name="noise"/> ≤ <see cref="MaxNoise"/>.</summary>
    /// <param name="noise">The noise.</param>
    /// <exception cref="ArgumentOutOfRangeException">It is not.</exception>
    public static void ThrowIfInvalid(double noise)
    {
        if (!(noise >= 0 && noise <= MaxNoise))
        {
            throw new ArgumentOutOfRangeException(nameof(noise), noise, $"The noise must be from 0 to {MaxNoise}.");
        }
    }
}
