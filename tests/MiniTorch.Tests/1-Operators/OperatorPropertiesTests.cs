using CsCheck;
using static MiniTorch.Operators;

namespace MiniTorch.Tests;


/// <summary>Task 0.2: the algebraic properties MiniTorch asks students to test.</summary>
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
        Small.Sample(x => Assert.True(IsClose(1.0 - Sigmoid(x), Sigmoid(-x))));

    [Fact]
    public void Sigmoid_of_zero_is_one_half() => Assert.Equal(0.5, Sigmoid(0.0));

    [Fact]
    public void Sigmoid_is_strictly_increasing() =>
        // Beyond |x| ≈ 36 the double nearest σ(x) stops changing, so strictness is checked where it is representable.
        Gen.Select(Gen.Double[-30.0, 30.0], Gen.Double[1e-3, 10.0]).Sample((x, step) =>
            Assert.True(Sigmoid(x) < Sigmoid(x + step), $"σ({x}) = {Sigmoid(x)} is not below σ({x + step}) = {Sigmoid(x + step)}"));

    [Fact]
    public void Lt_is_transitive() =>
        Gen.Select(Small, Small, Small).Sample((a, b, c) =>
        {
            if (Lt(a, b) == 1.0 && Lt(b, c) == 1.0)
            {
                Assert.Equal(1.0, Lt(a, c));
            }
        });

    [Fact]
    public void Mul_is_symmetric() => Gen.Select(Small, Small).Sample((x, y) => Assert.Equal(Mul(x, y), Mul(y, x)));

    [Fact]
    public void Mul_distributes_over_add() =>
        Gen.Select(Small, Small, Small).Sample((z, x, y) =>
            Assert.True(IsClose(Mul(z, Add(x, y)), Add(Mul(z, x), Mul(z, y)))));

    [Fact]
    public void Log_back_is_the_derivative_of_log() =>
        Gen.Select(Gen.Double[0.1, 100.0], Small).Sample((x, d) =>
        {
            var numeric = (Log(x + 1e-6) - Log(x - 1e-6)) / 2e-6;
            Assert.True(Math.Abs(LogBack(x, d) - (d * numeric)) <= 1e-4 * (1 + Math.Abs(d * numeric)));
        });
    // course: end
}
