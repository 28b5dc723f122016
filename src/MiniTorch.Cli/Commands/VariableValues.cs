using MiniTorch.Expressions;

namespace MiniTorch.Cli.Commands;

/// <summary>The values given with <c>--at NAME=VALUE</c> (<see cref="CommonOptions.At"/>): the point at which to evaluate an expression.</summary>
internal static class VariableValues
{
    /// <summary>Reads the values given with <c>--at</c>.</summary>
    /// <param name="assignments">The option's values, each <c>NAME=VALUE</c>.</param>
    /// <returns>The values by variable name, in the order given.</returns>
    /// <exception cref="UsageException">
    /// An assignment has no <c>=</c>, a name that is not a variable name, a value that is not a finite decimal number
    /// (the rule of <see cref="DecimalNumber"/>, the same as in expressions), or repeats a name.
    /// </exception>
    public static Dictionary<string, double> Parse(IEnumerable<string> assignments)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var assignment in assignments)
        {
            var equals = assignment.IndexOf('=', StringComparison.Ordinal);
            var shown = TextExcerpt.Shorten(assignment);
            if (equals < 0)
            {
                throw new UsageException($"--at '{shown}' has no '=': write NAME=VALUE, for example --at x=2");
            }

            var name = assignment[..equals].Trim();
            var text = assignment[(equals + 1)..].Trim();
            if (!IsVariableName(name))
            {
                throw new UsageException($"--at '{shown}': '{TextExcerpt.Shorten(name)}' is not a variable name (a letter or _, then letters, digits or _)");
            }

            double value;
            try
            {
                value = DecimalNumber.Parse(text);
            }
            catch (ExpressionException problem)
            {
                throw new UsageException($"--at '{shown}': {problem.Reason}: {problem.Hint}", problem);
            }

            if (!values.TryAdd(name, value))
            {
                throw new UsageException($"--at '{shown}': {TextExcerpt.Shorten(name)} already has a value");
            }
        }

        return values;
    }

    private static bool IsVariableName(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
