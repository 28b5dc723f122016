namespace MiniTorch.Expressions;

/// <summary>
/// A parsed arithmetic expression over named variables, such as <c>(x * x) * y + 10.0 * x</c>, that evaluates to a
/// Scalar graph built with the library's own operators.
/// </summary>
/// <remarks>
/// <para>
/// Grammar, tightest binding first: numbers (<c>2</c>, <c>0.5</c>, <c>.5</c>, <c>1e-3</c>), variables
/// (<c>[A-Za-z_][A-Za-z0-9_]*</c>), calls <c>log(e)</c> <c>exp(e)</c> <c>sigmoid(e)</c> <c>relu(e)</c> and
/// parentheses; method calls <c>e.log()</c> etc. (chainable: <c>x.relu().log()</c>); unary <c>-</c>; <c>*</c> and
/// <c>/</c>; <c>+</c> and <c>-</c>; finally at most one comparison <c>&lt;</c>, <c>&gt;</c> or <c>==</c>. Binary
/// operators of one level associate to the left. Whitespace is allowed around every token.
/// </para>
/// <para>
/// Evaluation follows the C# operators of <see cref="Scalar"/> in source order: <c>a - b</c> is Add(a, Neg(b)),
/// <c>a / b</c> is Mul(a, Inv(b)), <c>a &gt; b</c> is Lt(b, a), <c>a == b</c> is <see cref="Scalar.Eq(Scalar)"/>,
/// and a number is a <see cref="Scalar.Constant"/>. Values and derivatives are therefore bit for bit those of the
/// same expression written in C#.
/// </para>
/// </remarks>
public sealed class Expression
{
    private readonly Instruction[] _program;

    private Expression(string text, Instruction[] program, ExpressionVariable[] variables)
    {
        Text = text;
        _program = program;
        Variables = variables;
    }

    /// <summary>The names of the functions an expression may call: log, exp, sigmoid, relu.</summary>
    public static IReadOnlyList<string> FunctionNames => KnownFunctions.Names;

    /// <summary>The source text.</summary>
    public string Text { get; }

    /// <summary>The distinct variables, in the order of their first occurrence.</summary>
    public IReadOnlyList<ExpressionVariable> Variables { get; }

    /// <summary>Parses an expression.</summary>
    /// <param name="text">The expression text.</param>
    /// <returns>The parsed expression, ready to evaluate.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ExpressionException">
    /// The text is not an expression (the message names the first unexpected character or the end of the input),
    /// calls an unknown function, holds a number beyond the range of a double or the word inf, infinity or nan (see
    /// <see cref="DecimalNumber"/>), or nests parentheses more than 100 deep.
    /// No other exception is thrown for any string.
    /// </exception>
    public static Expression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tree = ExpressionGrammar.Parse(text);
        var (program, variables) = ExpressionCompiler.Compile(text, tree);
        return new Expression(text, program, variables);
    }

    /// <summary>
    /// Builds the Scalar graph of the expression: one new leaf <c>new Scalar(value, name)</c> per variable, then every
    /// operation in source order.
    /// </summary>
    /// <param name="values">A value for every variable of the expression; other entries are ignored.</param>
    /// <returns>The output scalar and the leaves.</returns>
    /// <exception cref="ExpressionException">
    /// A variable has no value (the column is its first occurrence), or anomaly detection is on
    /// (<see cref="Autodiff.DetectAnomalies"/>) and an operation produced NaN or infinity (the column is the operation's).
    /// </exception>
    public Evaluation Evaluate(IReadOnlyDictionary<string, double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var leaves = new Scalar[Variables.Count];
        for (var i = 0; i < leaves.Length; i++)
        {
            var variable = Variables[i];
            if (!values.TryGetValue(variable.Name, out var value))
            {
                throw new ExpressionException(Text, variable.Column, $"no value for variable '{TextExcerpt.Shorten(variable.Name)}'");
            }

            leaves[i] = new Scalar(value, variable.Name);
        }

        return new Evaluation(this, Run(leaves), leaves);
    }

    private Scalar Run(Scalar[] leaves)
    {
        var stack = new Stack<Scalar>();
        foreach (var step in _program)
        {
            try
            {
                stack.Push(step.Code switch
                {
                    OpCode.Constant => Scalar.Constant(step.Number),
                    OpCode.Variable => leaves[step.Variable],
                    OpCode.Negate => -stack.Pop(),
                    OpCode.Log => stack.Pop().Log(),
                    OpCode.Exp => stack.Pop().Exp(),
                    OpCode.Sigmoid => stack.Pop().Sigmoid(),
                    OpCode.Relu => stack.Pop().Relu(),
                    _ => Binary(step.Code, stack),
                });
            }
            catch (AnomalyException anomaly)
            {
                throw new ExpressionException(Text, step.Column, anomaly.Message, null, anomaly);
            }
        }

        return stack.Pop();
    }

    private static Scalar Binary(OpCode code, Stack<Scalar> stack)
    {
        var right = stack.Pop();
        var left = stack.Pop();
        return code switch
        {
            OpCode.Add => left + right,
            OpCode.Subtract => left - right,
            OpCode.Multiply => left * right,
            OpCode.Divide => left / right,
            OpCode.Less => left < right,
            OpCode.Greater => left > right,
            OpCode.Equal => left.Eq(right),
            _ => throw new InvalidOperationException($"Opcode {code} is not a binary operation."),
        };
    }
}
