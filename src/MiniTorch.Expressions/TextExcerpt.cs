using System.Text;

namespace MiniTorch.Expressions;

/// <summary>
/// Short excerpts of user text for one-line messages, so that an error about a megabyte of input stays a few lines:
/// long names and values are cut, and the source line under a caret becomes a window around the column.
/// </summary>
public static class TextExcerpt
{
    /// <summary>How many characters an excerpt keeps: at most this many on either side of a column, or of a cut value.</summary>
    public const int Reach = 60;

    /// <summary>The mark that stands for text left out.</summary>
    public const char Ellipsis = '…';

    /// <summary><paramref name="text"/> itself when it has at most <see cref="Reach"/> characters, otherwise its start followed by <see cref="Ellipsis"/>.</summary>
    /// <param name="text">A name or value taken from the input.</param>
    /// <returns>The excerpt.</returns>
    public static string Shorten(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= Reach ? text : text[..Reach] + Ellipsis;
    }

    /// <summary>
    /// The part of <paramref name="text"/> within <see cref="Reach"/> characters of <paramref name="column"/>, with
    /// <see cref="Ellipsis"/> where text was left out and control characters shown as spaces, and where the caret goes.
    /// </summary>
    /// <param name="text">The source line.</param>
    /// <param name="column">The 1-based column to keep in view, up to <c>text.Length + 1</c>.</param>
    /// <returns>The window and the 0-based position in it of the character at <paramref name="column"/>.</returns>
    internal static (string Line, int Caret) Around(string text, int column)
    {
        var at = Math.Clamp(column - 1, 0, text.Length);
        var start = Math.Max(0, at - Reach);
        var end = Math.Min(text.Length, at + Reach);
        var line = new StringBuilder((end - start) + 2);
        if (start > 0)
        {
            line.Append(Ellipsis);
        }

        for (var i = start; i < end; i++)
        {
            line.Append(char.IsControl(text[i]) ? ' ' : text[i]);
        }

        if (end < text.Length)
        {
            line.Append(Ellipsis);
        }

        return (line.ToString(), at - start + (start > 0 ? 1 : 0));
    }
}
