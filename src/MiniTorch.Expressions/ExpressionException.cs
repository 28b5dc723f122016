using System.Globalization;

namespace MiniTorch.Expressions;

/// <summary>
/// The one error an expression can raise, while parsing or evaluating: a short reason and the 1-based column in the
/// source text where it was found, for example <c>unexpected ')' at column 7</c>.
/// </summary>
/// <remarks>
/// <see cref="Exception.Message"/> is a single line. <see cref="FormatWithCaret"/> adds the source text and a caret
/// line under the column, for display in a terminal.
/// </remarks>
public sealed class ExpressionException : Exception
{
    /// <summary>Creates the exception with a default message and no position.</summary>
    public ExpressionException()
        : this("invalid expression")
    {
    }

    /// <summary>Creates the exception with a message and no position (<see cref="Column"/> is 0).</summary>
    /// <param name="message">What went wrong.</param>
    public ExpressionException(string message)
        : base(message)
    {
        Reason = message;
        ExpressionText = string.Empty;
    }

    /// <summary>Creates the exception with a message, no position, and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ExpressionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
        ExpressionText = string.Empty;
    }

    /// <summary>Creates the exception for a problem at a position in an expression.</summary>
    /// <param name="source">The whole expression text.</param>
    /// <param name="column">The 1-based column of the problem: 1 to <c>source.Length + 1</c> (the end of the input).</param>
    /// <param name="reason">What went wrong, without the position, for example <c>unexpected ')'</c>.</param>
    /// <param name="hint">An optional sentence on how to fix it, appended after the position.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ExpressionException(string source, int column, string reason, string? hint = null, Exception? innerException = null)
        : base(Compose(column, reason, hint), innerException)
    {
        ArgumentNullException.ThrowIfNull(source);
        ExpressionText = source;
        Column = column;
        Reason = reason;
        Hint = hint;
    }

    /// <summary>The 1-based column of the problem in <see cref="ExpressionText"/>; <c>ExpressionText.Length + 1</c> means the end of the input; 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>The expression text the problem was found in; empty when unknown.</summary>
    public string ExpressionText { get; }

    /// <summary>What went wrong, without the position, for example <c>unexpected ')'</c>.</summary>
    public string Reason { get; }

    /// <summary>How to fix it, when there is advice to give (for example the known function names); otherwise <see langword="null"/>.</summary>
    public string? Hint { get; }

    /// <summary>
    /// The message followed by two lines: the source text around <see cref="Column"/> (at most
    /// <see cref="TextExcerpt.Reach"/> characters either side, with <c>…</c> where text is left out, and control
    /// characters shown as spaces so that columns line up) and a caret <c>^</c> under the column.
    /// </summary>
    /// <param name="indent">Text put before the source and caret lines.</param>
    /// <returns>Three lines separated by <c>\n</c>, or just the message when the position is unknown.</returns>
    public string FormatWithCaret(string indent = "  ")
    {
        if (Column < 1)
        {
            return Message;
        }

        var (line, caret) = TextExcerpt.Around(ExpressionText, Column);
        return Message + "\n" + indent + line + "\n" + indent + new string(' ', caret) + "^";
    }

    private static string Compose(int column, string reason, string? hint)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var message = string.Create(CultureInfo.InvariantCulture, $"{reason} at column {column}");
        return hint is null ? message : $"{message}: {hint}";
    }
}
