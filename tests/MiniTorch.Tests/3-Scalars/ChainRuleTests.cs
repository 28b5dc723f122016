namespace MiniTorch.Tests;

/// <summary>Task 1.3: one step of the chain rule, through functions defined in this test project.</summary>
[Trait("Task", "1.3")]
public sealed class ChainRuleTests
{
    [Fact]
    public void The_chain_rule_returns_one_pair_per_input()
    {
        var x = new Scalar(0.0);
        var y = Scalar.Apply<Function1>(x, x);

        var pairs = y.ChainRule(5.0);

        Assert.True(pairs.Length == 2, $"y = f(x, x) has two inputs, so ChainRule should return two pairs, but it returned {pairs.Length}");
    }

    [Fact]
    public void The_chain_rule_passes_the_derivative_through_an_addition()
    {
        var x = new Scalar(0.0);
        var y = Scalar.Apply<Function1>(x, x);

        var (variable, derivative) = y.ChainRule(5.0)[0];

        Assert.True(ReferenceEquals(x, variable), "the first pair should hold the first input, x");
        Expect.Equal(5.0, derivative, "for y = x + x + 10 and d = 5, the first pair's derivative, d · ∂y/∂x = 5 · 1,");
    }

    [Fact]
    public void The_chain_rule_pairs_wrapped_constants_too()
    {
        var x = new Scalar(0.0, "var");
        var y = Scalar.Apply<Function1>(Scalar.Constant(10.0), x);

        var pairs = y.ChainRule(5.0);

        Assert.True(pairs.Length == 2 && pairs[0].Variable.IsConstant, "the first pair should hold the constant 10: ChainRule pairs every input, constants included");
        Assert.True(ReferenceEquals(x, pairs[1].Variable), "the second pair should hold the second input, x");
        Expect.Equal(5.0, pairs[1].Derivative, "for y = 10 + x + 10 and d = 5, the second pair's derivative");
    }

    [Fact]
    public void The_chain_rule_uses_the_values_saved_by_forward()
    {
        var x = new Scalar(5.0);
        var y = new Scalar(10.0);
        var z = Scalar.Apply<Function2>(x, y);

        var pairs = z.ChainRule(5.0);

        Assert.True(pairs.Length == 2 && ReferenceEquals(x, pairs[0].Variable) && ReferenceEquals(y, pairs[1].Variable), "the pairs should hold x and y, in argument order");
        Expect.Equal(5.0 * (10.0 + 1.0), pairs[0].Derivative, "for z = x · y + x at x = 5, y = 10 and d = 5, the share of x, d · (y + 1),");
        Expect.Equal(5.0 * 5.0, pairs[1].Derivative, "and the share of y, d · x,");
    }

    [Fact]
    public void The_chain_rule_of_a_leaf_or_a_constant_is_refused()
    {
        Expect.Throws<InvalidOperationException>(() => new Scalar(1.0, "w").ChainRule(1.0), "ChainRule of a leaf, which has no function to differentiate,");
        Expect.Throws<InvalidOperationException>(() => Scalar.Constant(1.0).ChainRule(1.0), "ChainRule of a constant, which has no history,");
    }

    // course: omit: tests code the course gives, not a task piece
    [Fact]
    public void Only_leaves_accumulate_derivatives()
    {
        var computed = new Scalar(1.0) * 2.0;

        var error = Assert.Throws<InvalidOperationException>(() => computed.AccumulateDerivative(1.0));
        Assert.Contains("Only leaf variables can have derivatives", error.Message, StringComparison.Ordinal);
    }
    // course: end
}
