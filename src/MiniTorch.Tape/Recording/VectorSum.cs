using System.Numerics;

namespace MiniTorch;

/// <summary>Adds one array of doubles into another, several lanes at a time, for the tape and the tape engines.</summary>
internal static class VectorSum
{
    /// <summary>
    /// sumsᵢ += valuesᵢ for every i: one IEEE addition per element, as a loop would make, so no bit differs from it;
    /// vectorised.
    /// </summary>
    /// <param name="sums">The running sums.</param>
    /// <param name="values">What to add, at least as long as <paramref name="sums"/>.</param>
    public static void AddTo(Span<double> sums, ReadOnlySpan<double> values)
    {
        var i = 0;
        for (; i <= sums.Length - Vector<double>.Count; i += Vector<double>.Count)
        {
            (new Vector<double>(sums[i..]) + new Vector<double>(values[i..])).CopyTo(sums[i..]);
        }

        for (; i < sums.Length; i++)
        {
            sums[i] += values[i];
        }
    }
}
