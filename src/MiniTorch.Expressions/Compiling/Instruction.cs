namespace MiniTorch.Expressions;

/// <summary>What one step of a compiled expression does.</summary>
internal enum OpCode
{
    Constant,
    Variable,
    Negate,
    Log,
    Exp,
    Sigmoid,
    Relu,
    Add,
    Subtract,
    Multiply,
    Divide,
    Less,
    Greater,
    Equal,
}

/// <summary>
/// One step of a compiled expression, a postfix program run on a stack of scalars: push a constant or a variable, or
/// pop one or two operands and push the result.
/// </summary>
/// <param name="Code">The step.</param>
/// <param name="Column">The column of the source token, for error messages.</param>
/// <param name="Number">The value of a <see cref="OpCode.Constant"/>.</param>
/// <param name="Variable">The index of a <see cref="OpCode.Variable"/> in the expression's variable list.</param>
internal readonly record struct Instruction(OpCode Code, int Column, double Number = 0.0, int Variable = 0);
