namespace MiniTorch.Expressions;

/// <summary>
/// Turns a syntax tree into a postfix program, checking function names and number ranges on the way. The walk is
/// iterative (an explicit stack), left operand before right, so the program evaluates in source order, as C# would.
/// </summary>
internal sealed class ExpressionCompiler
{
    private readonly string _text;
    private readonly List<Instruction> _program = [];
    private readonly List<ExpressionVariable> _variables = [];
    private readonly Dictionary<string, int> _variableIndex = new(StringComparer.Ordinal);
    private ExpressionException? _firstError;

    private ExpressionCompiler(string text) => _text = text;

    /// <summary>Compiles <paramref name="root"/>.</summary>
    /// <param name="text">The source text, for error messages.</param>
    /// <param name="root">The syntax tree of <paramref name="text"/>.</param>
    /// <returns>The program and the distinct variables in order of first appearance.</returns>
    /// <exception cref="ExpressionException">The leftmost unknown function, out-of-range number, or inf, infinity or nan.</exception>
    public static (Instruction[] Program, ExpressionVariable[] Variables) Compile(string text, SyntaxNode root)
    {
        var compiler = new ExpressionCompiler(text);
        compiler.Walk(root);
        if (compiler._firstError is { } error)
        {
            throw error;
        }

        return (compiler._program.ToArray(), compiler._variables.ToArray());
    }

    private void Walk(SyntaxNode root)
    {
        var pending = new Stack<(SyntaxNode Node, bool ChildrenDone)>();
        pending.Push((root, false));
        while (pending.TryPop(out var item))
        {
            var (node, childrenDone) = item;
            switch (node)
            {
                case NumberNode number:
                    EmitNumber(number);
                    break;
                case VariableNode variable:
                    EmitVariable(variable);
                    break;
                case NegateNode negate when !childrenDone:
                    pending.Push((node, true));
                    pending.Push((negate.Operand, false));
                    break;
                case NegateNode:
                    Emit(OpCode.Negate, node.Column);
                    break;
                case CallNode call when !childrenDone:
                    pending.Push((node, true));
                    pending.Push((call.Argument, false));
                    break;
                case CallNode call:
                    EmitCall(call);
                    break;
                case BinaryNode binary when !childrenDone:
                    pending.Push((node, true));
                    pending.Push((binary.Right, false));
                    pending.Push((binary.Left, false));
                    break;
                case BinaryNode binary:
                    Emit(CodeOf(binary.Operator), node.Column);
                    break;
                default:
                    throw new InvalidOperationException($"Unknown syntax node {node.GetType().Name}.");
            }
        }
    }

    private void EmitNumber(NumberNode number)
    {
        var value = DecimalNumber.ValueOrInfinity(number.Text);
        if (double.IsInfinity(value))
        {
            Fail(number.Column, DecimalNumber.TooLarge(number.Text), DecimalNumber.TooLargeHint);
        }

        _program.Add(new Instruction(OpCode.Constant, number.Column, Number: value));
    }

    private void EmitVariable(VariableNode variable)
    {
        if (DecimalNumber.IsNonFiniteWord(variable.Name))
        {
            Fail(variable.Column, $"'{TextExcerpt.Shorten(variable.Name)}' is not a finite decimal number", DecimalNumber.Rule + "; inf, infinity and nan are not names either");
        }

        if (!_variableIndex.TryGetValue(variable.Name, out var index))
        {
            index = _variables.Count;
            _variableIndex.Add(variable.Name, index);
            _variables.Add(new ExpressionVariable(variable.Name, variable.Column));
        }

        _program.Add(new Instruction(OpCode.Variable, variable.Column, Variable: index));
    }

    private void EmitCall(CallNode call)
    {
        if (KnownFunctions.TryGet(call.Function, out var code))
        {
            Emit(code, call.Column);
        }
        else
        {
            Fail(call.Column, $"unknown function '{TextExcerpt.Shorten(call.Function)}'", "known functions are " + string.Join(", ", KnownFunctions.Names));
        }
    }

    private void Emit(OpCode code, int column) => _program.Add(new Instruction(code, column));

    private void Fail(int column, string reason, string hint)
    {
        if (_firstError is null || column < _firstError.Column)
        {
            _firstError = new ExpressionException(_text, column, reason, hint);
        }
    }

    private static OpCode CodeOf(BinaryOperator op) => op switch
    {
        BinaryOperator.Multiply => OpCode.Multiply,
        BinaryOperator.Divide => OpCode.Divide,
        BinaryOperator.Add => OpCode.Add,
        BinaryOperator.Subtract => OpCode.Subtract,
        BinaryOperator.Less => OpCode.Less,
        BinaryOperator.Greater => OpCode.Greater,
        BinaryOperator.Equal => OpCode.Equal,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown binary operator."),
    };
}
