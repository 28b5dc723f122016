using System.CommandLine;
using System.Globalization;
using MiniTorch.Expressions;
using MiniTorch.Runs;

namespace MiniTorch.Cli.Commands;

/// <summary>
/// Turning the expression (from the command line, a file or standard input) and the <c>--at</c> values into a Scalar
/// graph, with the errors and warnings a user sees.
/// </summary>
internal static class ExpressionInput
{
    /// <summary>
    /// The largest expression read from a file or standard input, in bytes: 4 MiB, far beyond what a command line takes
    /// (128 KiB for one argument on Linux).
    /// </summary>
    public const int MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>The value of <c>--file</c> that means standard input.</summary>
    public const string StandardInput = "-";

    /// <summary><c>--file F</c>: the expression is read from a file, or from standard input with <c>-</c>.</summary>
    /// <returns>The option.</returns>
    public static Option<string?> FileOption() => new("--file")
    {
        Description = string.Create(
            CultureInfo.InvariantCulture,
            $"Read the expression from this file instead of the command line, or from standard input with -, for expressions too long for a command line (a regular file, UTF-8, at most {MaxFileBytes} bytes)."),
        HelpName = "FILE",
    };

    /// <summary>
    /// The expression's text: the argument, or the contents of <c>--file</c> (a regular file, or standard input for
    /// <c>-</c>) with the line break at its end dropped; exactly one of the two, unless <paramref name="fallback"/>
    /// stands in for both.
    /// </summary>
    /// <param name="argument">The expression given as an argument, or <see langword="null"/>.</param>
    /// <param name="file">The value of <c>--file</c>, or <see langword="null"/>.</param>
    /// <param name="openStandardInput">Opens standard input, for <c>--file -</c>.</param>
    /// <param name="fallback">The expression used when neither is given, or <see langword="null"/> when one is required.</param>
    /// <returns>The text.</returns>
    /// <exception cref="UsageException">
    /// Both or neither are given, the argument is a lone <c>-</c>, or the file cannot be read, is too large or is not UTF-8.
    /// </exception>
    public static string Text(string? argument, string? file, Func<Stream> openStandardInput, string? fallback = null)
    {
        if (argument is not null && file is not null)
        {
            throw new UsageException("give the expression either as an argument or with --file, not both");
        }

        if (file is null)
        {
            // A lone dash reads standard input for many tools; here the argument is always an expression, so say how.
            return argument == StandardInput
                ? throw new UsageException("'-' alone is not an expression; to read the expression from standard input, give --file -")
                : argument ?? fallback ?? throw new UsageException("give an expression, for example \"x * x\", or --file FILE to read it from a file (- for standard input)");
        }

        try
        {
            var bytes = file == StandardInput
                ? TextFile.ReadBounded(openStandardInput(), MaxFileBytes, TooLarge)
                : TextFile.ReadBounded(file, MaxFileBytes, TooLarge);
            return TextFile.DecodeUtf8(bytes).TrimEnd('\n', '\r');
        }
        catch (Exception problem) when (problem is InvalidDataException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            var what = file == StandardInput ? "standard input" : $"'{file}'";
            throw new UsageException($"cannot read --file {what}: {problem.Message}", problem);
        }
    }

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <param name="text">The expression.</param>
    /// <returns>The parsed expression.</returns>
    /// <exception cref="UsageException">The expression is malformed: the message, the expression and a caret under the column.</exception>
    public static Expression Parse(string text)
    {
        try
        {
            return Expression.Parse(text);
        }
        catch (ExpressionException problem)
        {
            throw new UsageException(problem.FormatWithCaret(), problem);
        }
    }

    /// <summary>
    /// Parses <paramref name="text"/> and evaluates it at <paramref name="values"/>. A value for a variable the
    /// expression does not use is a warning on <paramref name="error"/>.
    /// </summary>
    /// <param name="text">The expression.</param>
    /// <param name="values">The values given with <c>--at</c>.</param>
    /// <param name="error">Where warnings go.</param>
    /// <returns>The parsed expression and its Scalar graph.</returns>
    /// <exception cref="UsageException">
    /// The expression is malformed or a variable has no value: the message, the expression and a caret under the
    /// column; a missing value also says how to pass it (<c>--at y=VALUE</c>).
    /// </exception>
    public static (Expression Expression, Evaluation Evaluation) Evaluate(string text, IReadOnlyDictionary<string, double> values, TextWriter error)
    {
        var expression = Parse(text);
        return (expression, Evaluate(expression, values, error));
    }

    /// <summary>
    /// Evaluates <paramref name="expression"/> at <paramref name="values"/>. A value for a variable the expression does
    /// not use is a warning on <paramref name="error"/>.
    /// </summary>
    /// <param name="expression">The parsed expression.</param>
    /// <param name="values">The values given with <c>--at</c>.</param>
    /// <param name="error">Where warnings go.</param>
    /// <returns>The expression's Scalar graph.</returns>
    /// <exception cref="UsageException">
    /// A variable has no value: the message, the expression and a caret under the column, and how to pass it
    /// (<c>--at y=VALUE</c>).
    /// </exception>
    public static Evaluation Evaluate(Expression expression, IReadOnlyDictionary<string, double> values, TextWriter error)
    {
        try
        {
            foreach (var name in values.Keys)
            {
                if (!expression.Variables.Any(v => v.Name == name))
                {
                    error.WriteLine($"warning: --at {TextExcerpt.Shorten(name)}=... is not used: the expression has no variable '{TextExcerpt.Shorten(name)}'");
                }
            }

            foreach (var variable in expression.Variables)
            {
                if (!values.ContainsKey(variable.Name))
                {
                    var name = TextExcerpt.Shorten(variable.Name);
                    throw new ExpressionException(expression.Text, variable.Column, $"no value for variable '{name}'", $"pass it with --at {name}=VALUE");
                }
            }

            return expression.Evaluate(values);
        }
        catch (ExpressionException problem)
        {
            throw new UsageException(problem.FormatWithCaret(), problem);
        }
    }

    private static InvalidDataException TooLarge() => new(string.Create(
        CultureInfo.InvariantCulture, $"it is larger than {MaxFileBytes} bytes, the most an expression may take"));
}
