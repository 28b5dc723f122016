using static MiniTorch.Operators;

namespace MiniTorch.Tests;

/// <summary>
/// The reference suite's test functions (MiniTorch's MathTestVariable), each written twice: on Scalars and on doubles.
/// </summary>
public static class TestFunctions
{
    public static TheoryData<string> OneArgumentNames => [.. OneArgument.Keys];

    public static TheoryData<string> TwoArgumentNames => [.. TwoArgument.Keys];

    public static readonly IReadOnlyDictionary<string, (Func<Scalar, Scalar> OnScalars, Func<double, double> OnDoubles)> OneArgument =
        new Dictionary<string, (Func<Scalar, Scalar>, Func<double, double>)>
        {
            ["addConstant"] = (a => 5.0 + a, a => 5.0 + a),
            ["complex"] = (
                a => (((((a * 10.0) + 7.0).Relu() * 6.0) + 5.0).Relu() * 10.0).Sigmoid().Log() / 50.0,
                a => Log(Sigmoid(Relu((Relu((a * 10.0) + 7.0) * 6.0) + 5.0) * 10.0)) / 50.0),
            ["cube"] = (a => a * a * a, a => a * a * a),
            ["div"] = (a => a / 5.0, a => a / 5.0),
            ["exp"] = (a => (a - 200.0).Exp(), a => Exp(a - 200.0)),
            ["explog"] = (a => (a + 100000.0).Log() + (a - 200.0).Exp(), a => Log(a + 100000.0) + Exp(a - 200.0)),
            ["inv"] = (a => 1.0 / (a + 3.5), a => 1.0 / (a + 3.5)),
            ["log"] = (a => (a + 100000.0).Log(), a => Log(a + 100000.0)),
            ["multConstant"] = (a => 5.0 * a, a => 5.0 * a),
            ["neg"] = (a => -a, a => -a),
            ["relu"] = (a => (a + 5.5).Relu(), a => Relu(a + 5.5)),
            ["sig"] = (a => a.Sigmoid(), Sigmoid),
            ["square"] = (a => a * a, a => a * a),
            ["subConstant"] = (a => a - 5.0, a => a - 5.0),
        };

    public static readonly IReadOnlyDictionary<string, (Func<Scalar, Scalar, Scalar> OnScalars, Func<double, double, double> OnDoubles)> TwoArgument =
        new Dictionary<string, (Func<Scalar, Scalar, Scalar>, Func<double, double, double>)>
        {
            ["add2"] = ((a, b) => a + b, (a, b) => a + b),
            ["div2"] = ((a, b) => a / (b + 5.5), (a, b) => a / (b + 5.5)),
            ["eq2"] = ((a, b) => a.Eq(b + 5.5), (a, b) => Eq(a, b + 5.5)),
            ["gt2"] = ((a, b) => a + 1.2 > b, (a, b) => Lt(b, a + 1.2)),
            ["lt2"] = ((a, b) => a + 1.2 < b, (a, b) => Lt(a + 1.2, b)),
            ["mul2"] = ((a, b) => a * b, (a, b) => a * b),
        };

    /// <summary>
    /// Whether a is at least 10⁻³ away from the points where the function has a pole or a kink (relu at 0, 1/0):
    /// there central differences and derivatives disagree by nature, and random generators do hit such round numbers.
    /// </summary>
    public static bool IsSmoothAt(string name, double a) => name switch
    {
        "inv" => Math.Abs(a + 3.5) > 1e-3,
        "relu" => Math.Abs(a + 5.5) > 1e-3,
        "complex" => Math.Abs(a + 0.7) > 1e-3,
        _ => true,
    };

    /// <summary>The same for the two-argument functions: away from b = −5.5 for div2 and from a + 1.2 = b for the comparisons.</summary>
    public static bool IsSmoothAt(string name, double a, double b) => name switch
    {
        "div2" => Math.Abs(b + 5.5) > 1e-3,
        "gt2" or "lt2" => Math.Abs(a + 1.2 - b) > 1e-3,
        "eq2" => Math.Abs(a - b - 5.5) > 1e-3,
        _ => true,
    };
}
