using CsCheck;
using MiniTorch.Functions;

namespace MiniTorch.Tests;

/// <summary>
/// Tanh, the scalar function beyond MiniTorch's list that the tanh activation uses: its value is Math.Tanh's, it records
/// itself and saves its output, and its derivative 1 − tanh² agrees with central differences and with exact cases. Left
/// out of the course (course.manifest): tanh is given there, not a task.
/// </summary>
public sealed class TanhTests
{
    private static readonly Gen<double> Small = Gen.Double[-100.0, 100.0];

    [Fact]
    [Trait("Task", "1.2")]
    public void Tanh_of_a_scalar_is_the_tanh_of_its_value() =>
        Small.Sample(a => Assert.Equal(Math.Tanh(a), new Scalar(a).Tanh().Data));

    [Fact]
    [Trait("Task", "1.2")]
    public void Tanh_lies_between_minus_one_and_one_and_is_odd() =>
        Small.Sample(x =>
        {
            Assert.InRange(Operators.Tanh(x), -1.0, 1.0);
            Assert.Equal(-Operators.Tanh(x), Operators.Tanh(-x));
        });

    [Fact]
    [Trait("Task", "1.2")]
    public void Tanh_is_recorded_with_its_input_and_saves_its_output()
    {
        var x = new Scalar(0.5);

        var y = x.Tanh();

        Assert.Same(FunctionHandle.Of<Tanh>(), y.History!.LastFunction);
        Assert.Same(x, Assert.Single(y.History.Inputs));
        Assert.Equal([Math.Tanh(0.5)], y.History.Context!.SavedValues.ToArray());
        Assert.Equal("Tanh", Tanh.Name);
        Assert.Equal(1, Tanh.Arity);
    }

    [Theory]
    [Trait("Task", "1.4")]
    [InlineData(0.0, 2.0, 2.0)]
    [InlineData(0.5, 1.0, 0.75)]
    [InlineData(-0.5, 4.0, 3.0)]
    [InlineData(1.0, 3.0, 0.0)]
    public void Back_is_one_minus_the_square_of_the_output_times_d(double output, double d, double expected) =>
        Assert.Equal(expected, Tanh.Back(output, d));

    [Fact]
    [Trait("Task", "1.4")]
    public void The_derivative_is_zero_where_tanh_has_reached_one()
    {
        var x = new Scalar(40.0);

        x.Tanh().Backward();

        Assert.Equal(0.0, x.Derivative);
    }

    [Fact]
    [Trait("Task", "1.4")]
    public void Tanh_passes_the_derivative_check() =>
        Gen.Double[-5.0, 5.0].Sample(a => Scalar.DerivativeCheck(x => x[0].Tanh(), new Scalar(a)));

    [Fact]
    [Trait("Task", "1.4")]
    public void Backward_leaves_one_minus_tanh_squared_on_the_input() =>
        Small.Sample(a =>
        {
            var x = new Scalar(a);
            x.Tanh().Backward(3.0);
            var t = Math.Tanh(a);
            Assert.Equal((1.0 - (t * t)) * 3.0, x.Derivative);
        });
}
