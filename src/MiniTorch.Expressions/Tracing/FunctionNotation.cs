using MiniTorch.Functions;

namespace MiniTorch.Expressions;

/// <summary>
/// How each built-in function is written for a learner: its result as expression text (<c>a * b</c>, <c>log(a)</c>)
/// and its local derivative ∂result/∂input in symbols (for Mul's first input, the second input's name). A function the
/// table does not know (a user's own) is written as a call, <c>name(a, b)</c>, with ∂name/∂a for its derivative.
/// </summary>
/// <remarks>
/// Precedences follow the expression grammar, loosest first: 0 comparison, 1 + and -, 2 * and /, 3 unary minus,
/// 4 atoms (names, calls, positive numbers). An operand is put in parentheses when its precedence is below what its
/// place needs; the right operand of + and * needs one more than the operator, so that <c>a * (b * c)</c> keeps the
/// shape of the graph.
/// </remarks>
internal sealed record FunctionNotation(
    string Template, int Precedence, int[] OperandPrecedences, Func<int, IReadOnlyList<string>, string> LocalDerivative)
{
    /// <summary>The precedence of a name, a call, a positive number.</summary>
    public const int Atom = 4;

    /// <summary>The precedence of a negative number or a negation.</summary>
    public const int Unary = 3;

    private static readonly Dictionary<Type, FunctionNotation> Known = new()
    {
        [typeof(Add)] = new("{0} + {1}", 1, [1, 2], (_, _) => "1"),
        [typeof(Mul)] = new("{0} * {1}", 2, [2, 3], (i, a) => a[1 - i]),
        [typeof(Neg)] = new("-{0}", Unary, [Atom], (_, _) => "-1"),
        [typeof(Inv)] = new("1 / {0}", 2, [Unary], (_, a) => $"-1 / {a[0]}\u00b2"),
        [typeof(Log)] = new("log({0})", Atom, [0], (_, a) => $"1 / {a[0]}"),
        [typeof(Exp)] = new("exp({0})", Atom, [0], (_, a) => $"exp({a[0]})"),
        [typeof(Sigmoid)] = new("sigmoid({0})", Atom, [0], (_, a) => $"\u03c3({a[0]}) \u00d7 (1 - \u03c3({a[0]}))"),
        [typeof(Relu)] = new("relu({0})", Atom, [0], (_, a) => $"(1 if {a[0]} > 0 else 0)"),
        [typeof(Lt)] = new("{0} < {1}", 0, [1, 1], (_, _) => "0"),
        [typeof(Eq)] = new("{0} == {1}", 0, [1, 1], (_, _) => "0"),
    };

    /// <summary>The notation of <paramref name="function"/>.</summary>
    /// <param name="function">A function handle from a scalar's history.</param>
    /// <returns>The known notation, or a call written with the function's name in lower case.</returns>
    public static FunctionNotation Of(FunctionHandle function)
    {
        if (Known.TryGetValue(function.FunctionType, out var notation))
        {
            return notation;
        }

        var call = function.Name.ToLowerInvariant();
        var operands = string.Join(", ", Enumerable.Range(0, function.Arity).Select(i => "{" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}"));
        return new($"{call}({operands})", Atom, [.. Enumerable.Repeat(0, function.Arity)], (i, a) => $"\u2202{function.Name}/\u2202{a[i]}");
    }

    /// <summary>Writes the result from the operands' names, each in parentheses where its precedence needs them.</summary>
    /// <param name="operands">Each operand's name and precedence, in argument order.</param>
    /// <returns>The text.</returns>
    public string Write(IReadOnlyList<(string Name, int Precedence)> operands)
    {
        var text = Template;
        for (var i = 0; i < operands.Count; i++)
        {
            var (name, precedence) = operands[i];
            text = text.Replace("{" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}", precedence < OperandPrecedences[i] ? $"({name})" : name, StringComparison.Ordinal);
        }

        return text;
    }
}
