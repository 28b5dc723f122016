using CsCheck;

namespace MiniTorch.Tests;

/// <summary>Task 1.4: autodiff derivatives agree with central differences for every reference function.</summary>
[Trait("Task", "1.4")]
public sealed class DerivativeCheckTests
{
    private static readonly Gen<double> Small = Gen.Double[-100.0, 100.0];

    [Theory]
    [MemberData(nameof(TestFunctions.OneArgumentNames), MemberType = typeof(TestFunctions))]
    public void One_argument_functions_pass_the_derivative_check(string name)
    {
        var (onScalars, _) = TestFunctions.OneArgument[name];
        Small.Where(a => TestFunctions.IsSmoothAt(name, a))
            .Sample(a => Scalar.DerivativeCheck(x => onScalars(x[0]), new Scalar(a)));
    }

    [Theory]
    [MemberData(nameof(TestFunctions.TwoArgumentNames), MemberType = typeof(TestFunctions))]
    public void Two_argument_functions_pass_the_derivative_check(string name)
    {
        var (onScalars, _) = TestFunctions.TwoArgument[name];
        Gen.Select(Small, Small).Where((a, b) => TestFunctions.IsSmoothAt(name, a, b)).Sample((a, b) =>
            Scalar.DerivativeCheck(x => onScalars(x[0], x[1]), new Scalar(a), new Scalar(b)));
    }

    [Fact]
    public void A_user_defined_function_passes_the_derivative_check() =>
        Gen.Select(Small, Small).Sample((a, b) =>
            Scalar.DerivativeCheck(x => Scalar.Apply<Function2>(x[0], x[1]), new Scalar(a), new Scalar(b)));

    [Fact]
    public void A_wrong_derivative_is_reported_with_the_arguments_and_both_values()
    {
        var error = Assert.Throws<DerivativeCheckException>(() =>
            Scalar.DerivativeCheck(x => Scalar.Apply<WrongSquare>(x[0]), new Scalar(3.0)));

        Assert.Contains("f(3)", error.Message, StringComparison.Ordinal);
        Assert.Contains("autodiff gave 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("central difference gave 6", error.Message, StringComparison.Ordinal);
    }

    // course: omit: tests the checking rule the course gives, which no learner's code changes
    [Fact]
    public void A_derivative_the_central_difference_cannot_estimate_never_passes()
    {
        // log(x + ε) at x = −ε: the value is −∞ one step to the left, so the estimate is infinite.
        var error = Assert.Throws<DerivativeCheckException>(() =>
            Scalar.DerivativeCheck(x => x[0].Log(), new Scalar(-Operators.Eps)));

        Assert.Contains("cannot decide", error.Message, StringComparison.Ordinal);
    }
    // course: end

    [Fact]
    public void Random_graphs_with_shared_paths_of_unequal_length_agree_with_central_difference() =>
        Gen.Select(Gen.Int, Gen.Double[-2.0, 2.0], Gen.Double[-2.0, 2.0]).Sample((seed, a, b) =>
            Scalar.DerivativeCheck(x => RandomGraph(seed, x[0], x[1]), new Scalar(a), new Scalar(b)));

    /// <summary>
    /// Builds a random graph over two inputs where every node may reuse any earlier node, so one value reaches the
    /// output along paths of many different lengths. Sigmoids keep the values bounded.
    /// </summary>
    private static Scalar RandomGraph(int seed, Scalar x, Scalar y)
    {
        var random = new Random(seed);
        var nodes = new List<Scalar> { x, y };
        var count = random.Next(3, 40);
        for (var i = 0; i < count; i++)
        {
            var a = nodes[random.Next(nodes.Count)];
            var b = nodes[random.Next(nodes.Count)];
            nodes.Add(random.Next(5) switch
            {
                0 => a + b,
                1 => (a * b).Sigmoid(),
                2 => -a + (b * 0.5),
                3 => (a - b).Sigmoid() * 2.0,
                _ => a * 0.9,
            });
        }

        return nodes[^1] + nodes[^2] + nodes[random.Next(2, nodes.Count)];
    }

    private readonly struct WrongSquare : IScalarFunction
    {
        public static string Name => "WrongSquare";

        public static int Arity => 1;

        public static double Forward(Context ctx, ReadOnlySpan<double> inputs)
        {
            ctx.SaveForBackward(inputs[0]);
            return inputs[0] * inputs[0];
        }

        public static void Backward(Context ctx, double dOutput, Span<double> dInputs) =>
            dInputs[0] = ctx.SavedValues[0] * dOutput;
    }
}
