using MiniTorch.Expressions;

namespace MiniTorch.Cli.Commands;

/// <summary>Turning the command line's expression and <c>--at</c> values into a Scalar graph, with the errors and warnings a user sees.</summary>
internal static class ExpressionInput
{
    /// <summary>
    /// Parses <paramref name="text"/> and evaluates it at <paramref name="values"/>. Problems are written to
    /// <paramref name="error"/>: the message with the expression and a caret under the column; a missing value also
    /// says how to pass it (<c>--at y=VALUE</c>). A value for a variable the expression does not use is a warning.
    /// </summary>
    /// <param name="text">The expression.</param>
    /// <param name="values">The values given with <c>--at</c>.</param>
    /// <param name="error">Where messages go.</param>
    /// <param name="expression">The parsed expression, on success.</param>
    /// <param name="evaluation">The Scalar graph, on success.</param>
    /// <returns>False when the expression is malformed or a variable has no value.</returns>
    public static bool TryEvaluate(
        string text,
        IReadOnlyDictionary<string, double> values,
        TextWriter error,
        out Expression expression,
        out Evaluation evaluation)
    {
        expression = null!;
        evaluation = null!;
        try
        {
            expression = Expression.Parse(text);
            foreach (var name in values.Keys)
            {
                if (!expression.Variables.Any(v => v.Name == name))
                {
                    error.WriteLine($"warning: --at {name}=... is not used: the expression has no variable '{name}'");
                }
            }

            foreach (var variable in expression.Variables)
            {
                if (!values.ContainsKey(variable.Name))
                {
                    throw new ExpressionException(
                        text, variable.Column, $"no value for variable '{variable.Name}'", $"pass it with --at {variable.Name}=VALUE");
                }
            }

            evaluation = expression.Evaluate(values);
            return true;
        }
        catch (ExpressionException problem)
        {
            error.WriteLine(problem.FormatWithCaret());
            return false;
        }
    }
}
