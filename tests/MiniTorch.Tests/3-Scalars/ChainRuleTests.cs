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

        Assert.Equal(2, y.ChainRule(5.0).Length);
    }

    [Fact]
    public void The_chain_rule_passes_the_derivative_through_an_addition()
    {
        var x = new Scalar(0.0);
        var y = Scalar.Apply<Function1>(x, x);

        var (variable, derivative) = y.ChainRule(5.0)[0];

        Assert.Same(x, variable);
        Assert.Equal(5.0, derivative);
    }

    [Fact]
    public void The_chain_rule_pairs_wrapped_constants_too()
    {
        var x = new Scalar(0.0, "var");
        var y = Scalar.Apply<Function1>(Scalar.Constant(10.0), x);

        var pairs = y.ChainRule(5.0);

        Assert.True(pairs[0].Variable.IsConstant);
        Assert.Equal("var", ((Scalar)pairs[1].Variable).Name);
        Assert.Equal(5.0, pairs[1].Derivative);
    }

    [Fact]
    public void The_chain_rule_uses_the_values_saved_by_forward()
    {
        var x = new Scalar(5.0);
        var y = new Scalar(10.0);
        var z = Scalar.Apply<Function2>(x, y);

        var pairs = z.ChainRule(5.0);

        Assert.Same(x, pairs[0].Variable);
        Assert.Equal(5.0 * (10.0 + 1.0), pairs[0].Derivative);
        Assert.Same(y, pairs[1].Variable);
        Assert.Equal(5.0 * 5.0, pairs[1].Derivative);
    }

    [Fact]
    public void The_chain_rule_of_a_leaf_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new Scalar(1.0, "w").ChainRule(1.0));
        Assert.Contains("scalar w is a leaf", error.Message, StringComparison.Ordinal);
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
