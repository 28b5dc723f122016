namespace MiniTorch.Tests;

/// <summary>Task 1.5: stochastic gradient descent.</summary>
[Trait("Task", "1.5")]
public sealed class SgdTests
{
    [Fact]
    public void Step_replaces_a_parameter_with_a_new_leaf_moved_against_its_derivative()
    {
        var parameter = new Parameter(new Scalar(3.0));
        (parameter.Value * parameter.Value).Backward();
        var old = parameter.Value;

        new Sgd([parameter], 0.25).Step();

        Assert.Equal(3.0 - (0.25 * 6.0), parameter.Value.Data);
        Assert.NotSame(old, parameter.Value);
        Assert.True(parameter.Value.IsLeaf);
        Assert.Null(parameter.Value.Derivative);
    }

    [Fact]
    public void Step_leaves_a_parameter_without_derivative_alone()
    {
        var parameter = new Parameter(new Scalar(3.0));
        var old = parameter.Value;

        new Sgd([parameter], 0.5).Step();

        Assert.Same(old, parameter.Value);
    }

    [Fact]
    public void Zero_grad_clears_every_derivative()
    {
        var a = new Parameter(new Scalar(1.0));
        var b = new Parameter(new Scalar(2.0));
        (a.Value * b.Value).Backward();
        var sgd = new Sgd([a, b], 0.1);

        sgd.ZeroGrad();

        Assert.Null(a.Value.Derivative);
        Assert.Null(b.Value.Derivative);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_learning_rate_that_is_not_positive_and_finite_is_rejected(double rate) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd([], rate));
}
