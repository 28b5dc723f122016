using System.Globalization;
using System.Text.RegularExpressions;

namespace MiniTorch.Expressions;

/// <summary>
/// The one rule for numbers typed by a user, in an expression or as a value such as <c>--at x=2</c>: decimal digits
/// with an optional fraction and exponent (<c>2</c>, <c>0.5</c>, <c>.5</c>, <c>1e-3</c>), whose value is a finite
/// double. <c>inf</c>, <c>Infinity</c> and <c>NaN</c> are not numbers, and a number too large for a double (such as
/// <c>1e400</c>) is refused rather than read as infinity; one too small becomes 0, as in C#.
/// </summary>
public static partial class DecimalNumber
{
    /// <summary>The rule in a few words, the hint of every error about a number.</summary>
    public const string Rule = "only finite decimal numbers are accepted, such as 2, -0.5 or 1e-3";

    /// <summary>The hint given for a number too large for a double.</summary>
    internal const string TooLargeHint = "only finite decimal numbers are accepted, and a double holds at most about 1.8e308";

    // The longest number text an error message repeats whole; longer ones are cut.
    private const int ShownLength = 30;

    private static readonly string[] NonFiniteWords = ["inf", "infinity", "nan"];

    /// <summary>Reads a signed number: an optional <c>+</c> or <c>-</c> followed by a number of the expression grammar.</summary>
    /// <param name="text">The text, without surrounding spaces.</param>
    /// <returns>The value, a finite double.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ExpressionException">
    /// The text is not a number, is a word for a non-finite value, or is too large for a double; the column is 1 and
    /// the hint states the rule.
    /// </exception>
    public static double Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsNonFiniteWord(text.TrimStart('+', '-')))
        {
            throw new ExpressionException(text, 1, $"'{Shown(text)}' is not a finite decimal number", Rule);
        }

        if (!SignedNumber().IsMatch(text))
        {
            throw new ExpressionException(text, 1, $"'{Shown(text)}' is not a number", Rule);
        }

        var value = ValueOrInfinity(text);
        return double.IsFinite(value) ? value : throw new ExpressionException(text, 1, TooLarge(text), TooLargeHint);
    }

    /// <summary>True for <c>inf</c>, <c>infinity</c> and <c>nan</c> in any case: words that are never numbers (or names).</summary>
    /// <param name="word">The word.</param>
    /// <returns>Whether it names a non-finite value.</returns>
    internal static bool IsNonFiniteWord(string word) => NonFiniteWords.Contains(word, StringComparer.OrdinalIgnoreCase);

    /// <summary>The value of number text already known to match the grammar; infinity when it is too large.</summary>
    /// <param name="text">The number, optionally signed.</param>
    /// <returns>The value.</returns>
    internal static double ValueOrInfinity(string text) =>
        double.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);

    /// <summary>The reason given for a number too large for a double, with long text cut.</summary>
    /// <param name="text">The number.</param>
    /// <returns>For example <c>number 1e400 is too large</c>.</returns>
    internal static string TooLarge(string text) => $"number {Shown(text)} is too large";

    private static string Shown(string text) =>
        text.Length <= ShownLength
            ? text
            : string.Create(CultureInfo.InvariantCulture, $"{text[..ShownLength]}… ({text.Length} characters)");

    [GeneratedRegex(@"\A[+-]?(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex SignedNumber();
}
