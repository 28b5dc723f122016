namespace MiniTorch.Expressions;

/// <summary>The one-argument functions an expression may call, as <c>f(e)</c> or <c>(e).f()</c>, and their opcodes.</summary>
internal static class KnownFunctions
{
    /// <summary>The names, in the order they are listed to the user.</summary>
    public static readonly IReadOnlyList<string> Names = ["log", "exp", "sigmoid", "relu"];

    private static readonly Dictionary<string, OpCode> Codes = new(StringComparer.Ordinal)
    {
        ["log"] = OpCode.Log,
        ["exp"] = OpCode.Exp,
        ["sigmoid"] = OpCode.Sigmoid,
        ["relu"] = OpCode.Relu,
    };

    /// <summary>Finds the opcode of a function name (case-sensitive).</summary>
    /// <param name="name">The name as written.</param>
    /// <param name="code">The opcode when the name is known.</param>
    /// <returns>False for an unknown name.</returns>
    public static bool TryGet(string name, out OpCode code) => Codes.TryGetValue(name, out code);
}
