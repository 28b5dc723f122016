namespace MiniTorch.Tests;

/// <summary>
/// The operators that the property tests of Task 0.2 call (through <c>using static</c>): <see cref="Operators"/>' own,
/// except while <see cref="OperatorPropertiesMutantTests"/> runs a test with a deliberately broken one, to see that the
/// test catches it.
/// </summary>
public static class OperatorsUnderTest
{
    // Per flow of execution, so that the other tests, running at the same time, keep the real operators.
    private static readonly AsyncLocal<OperatorMutant?> Broken = new();

    public static double Mul(double x, double y) => Broken.Value?.Mul is { } mul ? mul(x, y) : Operators.Mul(x, y);

    public static double Id(double x) => Operators.Id(x);

    public static double Add(double x, double y) => Operators.Add(x, y);

    public static double Neg(double x) => Operators.Neg(x);

    public static double Lt(double x, double y) => Broken.Value?.Lt is { } lt ? lt(x, y) : Operators.Lt(x, y);

    public static double Eq(double x, double y) => Operators.Eq(x, y);

    public static double Max(double x, double y) => Broken.Value?.Max is { } max ? max(x, y) : Operators.Max(x, y);

    public static bool IsClose(double x, double y) => Operators.IsClose(x, y);

    public static double Sigmoid(double x) => Broken.Value?.Sigmoid is { } sigmoid ? sigmoid(x) : Operators.Sigmoid(x);

    public static double Relu(double x) => Operators.Relu(x);

    public static double ReluBack(double x, double d) => Broken.Value?.ReluBack is { } reluBack ? reluBack(x, d) : Operators.ReluBack(x, d);

    public static double Log(double x) => Operators.Log(x);

    public static double Exp(double x) => Operators.Exp(x);

    public static double Inv(double x) => Operators.Inv(x);

    public static double LogBack(double x, double d) => Operators.LogBack(x, d);

    public static double InvBack(double x, double d) => Operators.InvBack(x, d);

    /// <summary>Runs <paramref name="action"/> with <paramref name="mutant"/>'s broken operator in place of the real one.</summary>
    internal static void With(OperatorMutant mutant, Action action)
    {
        Broken.Value = mutant;
        try
        {
            action();
        }
        finally
        {
            Broken.Value = null;
        }
    }
}
