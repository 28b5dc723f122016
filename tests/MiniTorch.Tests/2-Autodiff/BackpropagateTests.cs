namespace MiniTorch.Tests;

/// <summary>
/// Task 1.4: backpropagation through shared and repeated uses of a variable. The graphs are built from functions of
/// this test project (<see cref="Function1"/>, <see cref="Function2"/>) whose backward passes are known to be right,
/// so these tests fail only for the sort and the pass; the one exception is guide 5's example, written with the
/// built-in operators as the guide shows it.
/// </summary>
[Trait("Task", "1.4")]
public sealed class BackpropagateTests
{
    // f(a, b) = a + b + 10: both derivatives 1.
    private static Scalar F1(Scalar a, Scalar b) => Scalar.Apply<Function1>(a, b);

    // f(a, b) = a · b + a: ∂f/∂a = b + 1, ∂f/∂b = a. With a constant b = c, it scales a by c + 1.
    private static Scalar F2(Scalar a, Scalar b) => Scalar.Apply<Function2>(a, b);

    private static Scalar Zero => Scalar.Constant(0.0);

    [Fact]
    public void One_function_passes_the_derivative_to_its_input()
    {
        var x = new Scalar(0.0);
        F1(Zero, x).Backward(5.0);

        Expect.Equal(5.0, x.Derivative, "for out = 0 + x + 10 and Backward(5), x.Derivative");
    }

    [Fact]
    public void Two_functions_in_a_row_pass_it_along()
    {
        var x = new Scalar(0.0);
        F1(Zero, F1(Zero, x)).Backward(5.0);

        Expect.Equal(5.0, x.Derivative, "for out = 0 + (0 + x + 10) + 10 and Backward(5), x.Derivative");
    }

    [Fact]
    public void A_variable_used_twice_receives_both_contributions()
    {
        var x = new Scalar(0.0);
        F1(F1(Zero, x), F1(Zero, x)).Backward(5.0);

        Expect.Equal(10.0, x.Derivative, "x is used by two functions, each passing 5 back: x.Derivative, the sum,");
    }

    [Fact]
    public void A_diamond_sums_the_contributions_of_both_branches()
    {
        var x = new Scalar(0.0);
        var shared = F1(Zero, x);
        F1(F1(Zero, shared), F1(Zero, shared)).Backward(5.0);

        Expect.Equal(10.0, x.Derivative, "x reaches the output through one variable used by two branches, each passing 5 back: x.Derivative");
    }

    [Fact]
    public void A_variable_used_twice_by_one_function_receives_both_shares()
    {
        var x = new Scalar(3.0);

        F2(x, x).Backward();

        Expect.Equal(7.0, x.Derivative, "for out = x · x + x at x = 3, ∂out/∂x = (x + 1) + x = 7 adds both of x's shares: x.Derivative");
    }

    [Fact]
    public void Paths_of_unequal_length_are_summed_after_both_arrive()
    {
        var x = new Scalar(1.0);
        var a = F2(x, Scalar.Constant(1.0));
        var b = F2(a, Scalar.Constant(2.0));

        F1(a, b).Backward();

        Assert.True(
            x.Derivative == 8.0,
            $"a = 2x, b = 3a and out = a + b + 10 reach x along two paths of unequal length: ∂out/∂a = 1 + 3 = 4, so x.Derivative should be 4 · 2 = 8, but it is {x.Derivative?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"}. "
            + (x.Derivative == 2.0
                ? "a passed its derivative on before b had sent its share: visit the variables in topological order, so that each one passes its derivative on only when every variable that uses it has sent its share."
                : "Each variable must pass its derivative on once, after every variable that uses it has sent its share."));
    }

    [Fact]
    public void The_unequal_diamond_of_guide_5_gives_8()
    {
        var x = new Scalar(1.0);
        var a = x * 2.0;
        var b = a * 3.0;

        (a + b).Backward();

        Assert.Equal(8.0, x.Derivative);
    }

    [Fact]
    public void Backward_twice_adds_and_clearing_starts_again()
    {
        var x = new Scalar(3.0);
        var y = F2(x, Scalar.Constant(3.0));

        y.Backward();
        y.Backward();
        Expect.Equal(8.0, x.Derivative, "for y = 4x, two Backward() calls add up: x.Derivative");

        x.ClearDerivative();
        Assert.Null(x.Derivative);
        y.Backward();
        Expect.Equal(4.0, x.Derivative, "after ClearDerivative and one more Backward(), x.Derivative");
    }

    [Fact]
    public void A_variable_used_many_times_gets_every_contribution()
    {
        var x = new Scalar(2.0);
        var y = x;
        for (var i = 0; i < 9; i++)
        {
            y = F1(y, x);
        }

        y.Backward();

        Expect.Equal(10.0, x.Derivative, "for y = x + x + … + x + 90 (ten times x, along chains of every length from 1 to 10), x.Derivative");
    }

    [Fact]
    public void Constants_and_intermediate_values_never_receive_a_derivative()
    {
        var x = new Scalar(2.0);
        var hidden = F2(x, Scalar.Constant(2.0));
        var y = F1(hidden, Scalar.Constant(1.0));

        y.Backward();

        Expect.Equal(3.0, x.Derivative, "for y = 3x + 11, x.Derivative");
        Assert.True(hidden.Derivative is null, "a computed variable keeps no derivative (only leaves do): hidden.Derivative should stay null");
        Assert.All(y.History!.Inputs.Concat(hidden.History!.Inputs).Where(s => s.IsConstant), c => Assert.True(c.Derivative is null, "a constant never receives a derivative"));
    }

    [Fact]
    public void Backward_of_a_leaf_gives_the_leaf_its_own_derivative()
    {
        var x = new Scalar(2.0);
        x.Backward(4.0);

        Expect.Equal(4.0, x.Derivative, "x.Backward(4) on a leaf: x.Derivative");
    }
}
