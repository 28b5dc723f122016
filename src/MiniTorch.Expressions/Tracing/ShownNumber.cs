using System.Globalization;

namespace MiniTorch.Expressions;

/// <summary>
/// Numbers as a graph and its chain-rule texts show them: exactly (shortest round-trip form) when that takes at most
/// <see cref="MaxExactLength"/> characters, otherwise to six significant digits after <c>≈</c>, so that a rounded
/// number never reads as exact.
/// </summary>
public static class ShownNumber
{
    /// <summary>The longest exact text shown: <c>-0.03125</c> is shown as it is, <c>0.30000000000000004</c> as <c>≈0.3</c>.</summary>
    public const int MaxExactLength = 8;

    /// <summary>The text of <paramref name="value"/>.</summary>
    /// <param name="value">Any double; NaN and infinities are written <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c>.</param>
    /// <returns>The text.</returns>
    public static string Of(double value)
    {
        var exact = value.ToString("R", CultureInfo.InvariantCulture);
        return exact.Length <= MaxExactLength || !double.IsFinite(value) ? exact : "\u2248" + value.ToString("G6", CultureInfo.InvariantCulture);
    }
}
