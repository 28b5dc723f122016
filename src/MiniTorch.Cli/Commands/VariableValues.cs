using System.CommandLine;
using System.Globalization;

namespace MiniTorch.Cli.Commands;

/// <summary>The <c>--at NAME=VALUE</c> option shared by <c>grad</c> and <c>graph</c>: the point at which to evaluate an expression.</summary>
internal static class VariableValues
{
    /// <summary>Creates the option; it may be repeated, one variable per use.</summary>
    /// <returns>The option.</returns>
    public static Option<string[]> CreateOption() => new("--at")
    {
        Description = "The value of a variable, as NAME=VALUE (for example x=2); repeat for each variable.",
        HelpName = "NAME=VALUE",
        Arity = ArgumentArity.ZeroOrMore,
        DefaultValueFactory = _ => [],
    };

    /// <summary>Reads the values given with <c>--at</c>.</summary>
    /// <param name="assignments">The option's values, each <c>NAME=VALUE</c>.</param>
    /// <param name="values">The values by variable name, in the order given.</param>
    /// <param name="problem">Why an assignment is malformed, when it is.</param>
    /// <returns>
    /// False when an assignment has no <c>=</c>, a name that is not a variable name, a value that is not a number
    /// (invariant culture; <c>NaN</c>, <c>Infinity</c> and exponents are accepted), or repeats a name.
    /// </returns>
    public static bool TryParse(IEnumerable<string> assignments, out Dictionary<string, double> values, out string problem)
    {
        values = new Dictionary<string, double>(StringComparer.Ordinal);
        problem = string.Empty;
        foreach (var assignment in assignments)
        {
            var equals = assignment.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                problem = $"--at '{assignment}' has no '=': write NAME=VALUE, for example --at x=2";
                return false;
            }

            var name = assignment[..equals].Trim();
            var text = assignment[(equals + 1)..].Trim();
            if (!IsVariableName(name))
            {
                problem = $"--at '{assignment}': '{name}' is not a variable name (a letter or _, then letters, digits or _)";
                return false;
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                problem = $"--at '{assignment}': '{text}' is not a number (write it like 2, -0.5 or 1e-3)";
                return false;
            }

            if (!values.TryAdd(name, value))
            {
                problem = $"--at '{assignment}': {name} already has a value";
                return false;
            }
        }

        return true;
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
