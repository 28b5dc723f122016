namespace MiniTorch.Web.Functions;

/// <summary>
/// MiniTorch's test functions (its MathTestVariable list) written in the command line's expression grammar, for the
/// Scalar functions tab: the one-input ones in x, the two-input ones in x and y. This is the one place the page gets
/// them from.
/// </summary>
internal static class TestFunctionList
{
    /// <summary>Every function by its MiniTorch name, one-input ones first, each group in alphabetical order.</summary>
    public static IReadOnlyList<TestFunction> All { get; } =
    [
        new("addConstant", "5.0 + x"),
        new("complex", "log(sigmoid(relu(relu(x * 10.0 + 7.0) * 6.0 + 5.0) * 10.0)) / 50.0"),
        new("cube", "x * x * x"),
        new("div", "x / 5.0"),
        new("exp", "exp(x - 200.0)"),
        new("explog", "log(x + 100000.0) + exp(x - 200.0)"),
        new("inv", "1.0 / (x + 3.5)"),
        new("log", "log(x + 100000.0)"),
        new("multConstant", "5.0 * x"),
        new("neg", "-x"),
        new("relu", "relu(x + 5.5)"),
        new("sig", "sigmoid(x)"),
        new("square", "x * x"),
        new("subConstant", "x - 5.0"),
        new("add2", "x + y"),
        new("div2", "x / (y + 5.5)"),
        new("eq2", "x == y + 5.5"),
        new("gt2", "x + 1.2 > y"),
        new("lt2", "x + 1.2 < y"),
        new("mul2", "x * y"),
    ];
}

/// <summary>One test function.</summary>
/// <param name="Name">MiniTorch's name for it, for example <c>sig</c>.</param>
/// <param name="Expression">The function in the expression grammar, in x (and y for two inputs).</param>
internal sealed record TestFunction(string Name, string Expression);
