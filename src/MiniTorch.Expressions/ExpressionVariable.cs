namespace MiniTorch.Expressions;

/// <summary>A variable that occurs in an expression.</summary>
/// <param name="Name">The name, matching <c>[A-Za-z_][A-Za-z0-9_]*</c>.</param>
/// <param name="Column">The 1-based column of its first occurrence.</param>
public readonly record struct ExpressionVariable(string Name, int Column);
