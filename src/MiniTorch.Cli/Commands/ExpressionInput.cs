using MiniTorch.Expressions;

namespace MiniTorch.Cli.Commands;

/// <summary>Turning the command line's expression and <c>--at</c> values into a Scalar graph, with the errors and warnings a user sees.</summary>
internal static class ExpressionInput
{
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
}
