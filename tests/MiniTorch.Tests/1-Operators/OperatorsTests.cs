using CsCheck;
using static MiniTorch.Operators;

namespace MiniTorch.Tests;

/// <summary>Task 0.1: each operator behaves like plain arithmetic and has the reference's identities.</summary>
[Trait("Task", "0.1")]
public sealed class OperatorsTests
{
    private static readonly Gen<double> Small = Gen.Double[-100.0, 100.0];

    [Fact]
    public void Mul_add_neg_max_agree_with_plain_arithmetic() =>
        Gen.Select(Small, Small).Sample((x, y) =>
        {
            Assert.Equal(x * y, Mul(x, y));
            Assert.Equal(x + y, Add(x, y));
            Assert.Equal(-x, Neg(x));
            Assert.Equal(Math.Max(x, y), Max(x, y));
        });

    [Fact]
    public void Inv_agrees_with_plain_division_away_from_zero() =>
        Small.Where(x => Math.Abs(x) > 1e-5).Sample(x => Expect.Close(1.0 / x, Inv(x), $"Inv({x})"));

    [Fact]
    public void Relu_is_the_input_when_positive_and_zero_otherwise() =>
        Small.Sample(x => Assert.Equal(x > 0 ? x : 0.0, Relu(x)));

    [Fact]
    public void Relu_back_passes_the_derivative_only_when_positive() =>
        Gen.Select(Small, Small).Sample((x, d) => Assert.Equal(x > 0 ? d : 0.0, ReluBack(x, d)));

    [Fact]
    public void Relu_back_is_zero_at_exactly_zero() => Assert.Equal(0.0, ReluBack(0.0, 5.0));

    [Fact]
    public void Id_returns_its_input() => Small.Sample(x => Assert.Equal(x, Id(x)));

    [Fact]
    public void Lt_is_one_for_smaller_and_zero_otherwise() =>
        Small.Sample(x =>
        {
            Assert.Equal(1.0, Lt(x - 1.0, x));
            Assert.Equal(0.0, Lt(x, x - 1.0));
            Assert.Equal(0.0, Lt(x, x));
        });

    [Fact]
    public void Max_picks_the_larger_argument() =>
        Small.Sample(x =>
        {
            Assert.Equal(x, Max(x - 1.0, x));
            Assert.Equal(x, Max(x, x - 1.0));
            Assert.Equal(x + 1.0, Max(x, x + 1.0));
        });

    [Fact]
    public void Eq_is_one_for_equal_and_zero_otherwise() =>
        Small.Sample(x =>
        {
            Assert.Equal(1.0, Eq(x, x));
            Assert.Equal(0.0, Eq(x, x - 1.0));
            Assert.Equal(0.0, Eq(x, x + 1.0));
        });

    [Fact]
    public void Is_close_uses_an_absolute_tolerance_of_one_hundredth()
    {
        Assert.True(IsClose(1.0, 1.009), "IsClose(1, 1.009) should be true: |1 - 1.009| < 0.01");
        Assert.False(IsClose(1.0, 1.011), "IsClose(1, 1.011) should be false: |1 - 1.011| is not below 0.01");
        Assert.False(IsClose(double.NaN, double.NaN), "IsClose(NaN, NaN) should be false: NaN is close to nothing");
    }

    [Fact]
    public void Log_exp_and_sigmoid_agree_with_the_textbook_formulas()
    {
        Gen.Double[0.0, 100.0].Sample(x => Assert.Equal(Math.Log(x + Eps), Log(x)));
        Small.Sample(x =>
        {
            Assert.Equal(Math.Exp(x), Exp(x));
            Expect.Close(1.0 / (1.0 + Math.Exp(-x)), Sigmoid(x), $"Sigmoid({x})");
        });
    }

    [Fact]
    public void Log_of_zero_is_finite_because_of_eps() => Assert.Equal(Math.Log(1e-6), Log(0.0));

    [Fact]
    public void Log_of_a_negative_number_is_nan() => Assert.True(double.IsNaN(Log(-1.0)), $"Log(-1) should be NaN (the logarithm of -1 + 1e-6), but it is {Log(-1.0)}");

    [Fact]
    public void Back_functions_scale_the_incoming_derivative() =>
        Gen.Select(Gen.Double[0.5, 100.0], Small).Sample((x, d) =>
        {
            Assert.Equal(d / (x + Eps), LogBack(x, d));
            Assert.Equal(-d / (x * x), InvBack(x, d));
        });

    [Fact]
    public void Sigmoid_stays_finite_far_from_zero()
    {
        Assert.Equal(0.0, Sigmoid(-1000.0));
        Assert.Equal(1.0, Sigmoid(1000.0));
    }
}
