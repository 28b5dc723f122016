using CsCheck;
using static MiniTorch.Tests.OperatorsUnderTest;

namespace MiniTorch.Tests;

/// <summary>
/// Task 0.2: the properties MiniTorch asks students to test, as property tests with CsCheck. Each test calls the
/// operators through <see cref="OperatorsUnderTest"/>, so that <see cref="OperatorPropertiesMutantTests"/> can check
/// that it fails on a broken operator.
/// </summary>
[Trait("Task", "0.2")]
public sealed class OperatorPropertiesTests
{
    private static readonly Gen<double> Small = Gen.Double[-100.0, 100.0];

    [Fact]
    public void Sigmoid_lies_between_zero_and_one() =>
        Small.Sample(x => Assert.InRange(Sigmoid(x), 0.0, 1.0));

    // course: task 0.2: a property test with CsCheck that checks what its name says (the first test is an example)
    [Fact]
    public void One_minus_sigmoid_is_sigmoid_of_the_negation() =>
        Small.Sample(x => Assert.True(IsClose(1.0 - Sigmoid(x), Sigmoid(-x)), $"1 - σ({x}) = {1.0 - Sigmoid(x)}, σ({-x}) = {Sigmoid(-x)}"));

    [Fact]
    public void Sigmoid_of_zero_is_one_half() => Assert.Equal(0.5, Sigmoid(0.0));

    [Fact]
    public void Sigmoid_is_strictly_increasing() =>
        // Far from 0 the doubles nearest σ(x) and σ(x + step) can be the same (σ(30) and σ(30.001) are), so strictness
        // is checked where the doubles can tell them apart: up to |x| = 20 the gap is over 10⁻¹² for a step of 10⁻³.
        Gen.Select(Gen.Double[-20.0, 20.0], Gen.Double[1e-3, 10.0]).Sample((x, step) =>
            Assert.True(Sigmoid(x) < Sigmoid(x + step), $"σ({x}) = {Sigmoid(x)} is not below σ({x + step}) = {Sigmoid(x + step)}"));

    [Fact]
    public void Lt_is_transitive() =>
        Gen.Select(Small, Small, Small).Sample((a, b, c) =>
        {
            if (Lt(a, b) == 1.0 && Lt(b, c) == 1.0)
            {
                Assert.True(Lt(a, c) == 1.0, $"{a} < {b} and {b} < {c}, but Lt({a}, {c}) = {Lt(a, c)}");
            }
        });

    [Fact]
    public void Mul_is_symmetric() => Gen.Select(Small, Small).Sample((x, y) => Assert.Equal(Mul(x, y), Mul(y, x)));

    [Fact]
    public void Mul_distributes_over_add() =>
        Gen.Select(Small, Small, Small).Sample((z, x, y) =>
            Assert.True(IsClose(Mul(z, Add(x, y)), Add(Mul(z, x), Mul(z, y))), $"z = {z}, x = {x}, y = {y}"));

    [Fact]
    public void Max_is_the_larger_argument() =>
        Gen.Select(Small, Small).Sample((x, y) =>
        {
            var max = Max(x, y);
            Assert.True((max == x || max == y) && max >= x && max >= y, $"Max({x}, {y}) = {max}");
        });

    [Fact]
    public void Relu_back_passes_d_above_zero_and_nothing_at_or_below_it()
    {
        Gen.Select(Small, Small).Sample((x, d) => Assert.Equal(x > 0.0 ? d : 0.0, ReluBack(x, d)));
        Small.Sample(d =>
        {
            Assert.Equal(0.0, ReluBack(0.0, d));
            Assert.Equal(0.0, ReluBack(-0.0, d));
        });
    }
    // course: end
}
