namespace MiniTorch.Expressions;

/// <summary>The binary operators of the expression language, from the tightest-binding level to the loosest.</summary>
internal enum BinaryOperator
{
    Multiply,
    Divide,
    Add,
    Subtract,
    Less,
    Greater,
    Equal,
}

/// <summary>A node of the syntax tree that the grammar produces; <see cref="Column"/> is where it starts (or its operator is).</summary>
/// <param name="column">The 1-based column of the node's token.</param>
internal abstract class SyntaxNode(int column)
{
    public int Column { get; } = column;
}

/// <summary>A numeric literal, kept as written; it is converted (and range-checked) when compiled.</summary>
internal sealed class NumberNode(string text, int column) : SyntaxNode(column)
{
    public string Text { get; } = text;
}

/// <summary>A variable, by name.</summary>
internal sealed class VariableNode(string name, int column) : SyntaxNode(column)
{
    public string Name { get; } = name;
}

/// <summary>A one-argument function, written <c>f(e)</c> or <c>(e).f()</c>; the column is that of the name.</summary>
internal sealed class CallNode(string function, SyntaxNode argument, int column) : SyntaxNode(column)
{
    public string Function { get; } = function;

    public SyntaxNode Argument { get; } = argument;
}

/// <summary>Unary minus; the column is that of the <c>-</c>.</summary>
internal sealed class NegateNode(SyntaxNode operand, int column) : SyntaxNode(column)
{
    public SyntaxNode Operand { get; } = operand;
}

/// <summary>A binary operation; the column is that of the operator.</summary>
internal sealed class BinaryNode(BinaryOperator op, SyntaxNode left, SyntaxNode right, int column) : SyntaxNode(column)
{
    public BinaryOperator Operator { get; } = op;

    public SyntaxNode Left { get; } = left;

    public SyntaxNode Right { get; } = right;
}
