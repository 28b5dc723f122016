using System.Globalization;
using System.Text;

namespace MiniTorch.Expressions;

/// <summary>Writing values into Graphviz DOT text.</summary>
internal static class DotText
{
    /// <summary>
    /// Quotes <paramref name="text"/> as a DOT string: <c>"</c> and <c>\</c> are escaped, a line feed becomes the
    /// centred line break <c>\n</c>, and any other control character becomes a space.
    /// </summary>
    /// <param name="text">Any text.</param>
    /// <returns>The quoted string, with its quotes.</returns>
    public static string Quote(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => quoted.Append("\\\""),
                '\\' => quoted.Append("\\\\"),
                '\n' => quoted.Append("\\n"),
                _ when char.IsControl(c) => quoted.Append(' '),
                _ => quoted.Append(c),
            };
        }

        return quoted.Append('"').ToString();
    }

    /// <summary>A number in its shortest round-trip form, invariant culture: <c>1</c>, <c>0.30000000000000004</c>, <c>NaN</c>, <c>-Infinity</c>.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The text.</returns>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
