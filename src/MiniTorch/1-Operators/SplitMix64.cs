namespace MiniTorch;

/// <summary>
/// A small seeded pseudo-random generator, SplitMix64 (Steele, Lea and Flood, 2014), written out here so that the same
/// seed gives the same numbers on every machine and every .NET version (the algorithm behind
/// <see cref="System.Random"/> is not promised to stay the same).
/// </summary>
/// <remarks>
/// The state is one 64-bit integer. Each draw adds the odd constant γ = 0x9E3779B97F4A7C15 (2^64 divided by the golden
/// ratio) to the state, modulo 2^64, and returns <see cref="Mix"/> of the new state. The period is 2^64. Not for
/// cryptography. Not thread safe: give each thread its own generator.
/// </remarks>
public sealed class SplitMix64
{
    private const ulong Gamma = 0x9E3779B97F4A7C15;

    private ulong _state;

    /// <summary>Creates a generator whose first draw depends only on <paramref name="seed"/>.</summary>
    /// <param name="seed">Any 64-bit value; 0 is fine.</param>
    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>
    /// The SplitMix64 output function: a bijection of 64-bit integers that spreads every input bit over the output
    /// (z ^= z &gt;&gt; 30; z *= 0xBF58476D1CE4E5B9; z ^= z &gt;&gt; 27; z *= 0x94D049BB133111EB; z ^= z &gt;&gt; 31).
    /// </summary>
    /// <param name="value">The value to mix.</param>
    /// <returns>The mixed value; different inputs give different outputs.</returns>
    /// <remarks>Useful to derive an unrelated seed from a seed, for example the network's from the data's.</remarks>
    public static ulong Mix(ulong value)
    {
        var z = value;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    /// <summary>Draws 64 uniformly distributed bits.</summary>
    /// <returns>The next value of the sequence.</returns>
    public ulong NextUInt64()
    {
        _state = unchecked(_state + Gamma);
        return Mix(_state);
    }

    /// <summary>Draws a double uniformly from [0, 1): the top 53 bits of <see cref="NextUInt64"/> times 2^-53.</summary>
    /// <returns>A multiple of 2^-53 in [0, 1); never 1.</returns>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Draws a double uniformly from [<paramref name="low"/>, <paramref name="high"/>): low + (high − low) · u.</summary>
    /// <param name="low">The smallest value that can be drawn.</param>
    /// <param name="high">The bound, greater than <paramref name="low"/>; for [−1, 1) it is never reached.</param>
    /// <returns>A value in [low, high) (rounding can reach <paramref name="high"/> only for very wide ranges).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The bounds are not finite or <paramref name="high"/> ≤ <paramref name="low"/>.</exception>
    public double NextDouble(double low, double high)
    {
        if (!double.IsFinite(low) || !double.IsFinite(high) || high <= low)
        {
            throw new ArgumentOutOfRangeException(nameof(high), high, $"The range [{low}, {high}) must be finite and non-empty.");
        }

        return low + ((high - low) * NextDouble());
    }
}
