using System.Globalization;

namespace MiniTorch.Tests;

/// <summary>Bit-for-bit comparison of doubles, the promise of the tape and of the expression parser.</summary>
internal static class BitAssert
{
    /// <summary>
    /// Passes when the two values have the same bits (so 0 and −0 differ), or are both NaN: .NET fixes neither the
    /// sign nor the payload of a NaN (the JIT may swap the operands of an addition of two NaNs).
    /// </summary>
    public static void Identical(double expected, double actual, string what) =>
        Assert.True(
            BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual) || (double.IsNaN(expected) && double.IsNaN(actual)),
            string.Create(CultureInfo.InvariantCulture, $"{what}: expected {expected:R}, got {actual:R}"));

    /// <summary>Passes when the arrays have the same length and every pair of values passes <see cref="Identical(double, double, string)"/>.</summary>
    public static void Identical(double[] expected, double[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Identical(expected[i], actual[i], string.Create(CultureInfo.InvariantCulture, $"{what} {i}"));
        }
    }
}
