
namespace MiniTorch.Tests;

/// <summary>Task 1.4: backpropagation through shared and repeated uses of a variable.</summary>
[Trait("Task", "1.4")]
public sealed class BackpropagateTests
{
    private static Scalar F1(Scalar a, Scalar b) => Scalar.Apply<Function1>(a, b);

    private static Scalar Zero => Scalar.Constant(0.0);

    [Fact]
    public void One_function_passes_the_derivative_to_its_input()
    {
        var x = new Scalar(0.0);
        F1(Zero, x).Backward(5.0);

        Assert.Equal(5.0, x.Derivative);
    }

    [Fact]
    public void Two_functions_in_a_row_pass_it_along()
    {
        var x = new Scalar(0.0);
        F1(Zero, F1(Zero, x)).Backward(5.0);

        Assert.Equal(5.0, x.Derivative);
    }

    [Fact]
    public void A_variable_used_twice_receives_both_contributions()
    {
        var x = new Scalar(0.0);
        F1(F1(Zero, x), F1(Zero, x)).Backward(5.0);

        Assert.Equal(10.0, x.Derivative);
    }

    [Fact]
    public void A_diamond_sums_the_contributions_of_both_branches()
    {
        var x = new Scalar(0.0);
        var shared = F1(Zero, x);
        F1(F1(Zero, shared), F1(Zero, shared)).Backward(5.0);

        Assert.Equal(10.0, x.Derivative);
    }

    [Fact]
    public void Paths_of_unequal_length_are_summed_after_both_arrive()
    {
        var x = new Scalar(1.0);
        var a = x * 2.0;
        var b = a * 3.0;

        (a + b).Backward();

        Assert.Equal(8.0, x.Derivative);
    }

    [Fact]
    public void The_sort_lists_each_variable_once_and_after_everything_that_uses_it()
    {
        var x = new Scalar(1.0);
        var a = x * 2.0;
        var b = a * 3.0;
        var c = a + b;

        var order = Autodiff.TopologicalSort(c);

        Assert.Equal<IVariable>([c, b, a, x], order);
    }

    [Fact]
    public void The_sort_of_a_constant_is_empty() =>
        Assert.Empty(Autodiff.TopologicalSort(Scalar.Constant(1.0)));

    [Fact]
    public void Backward_twice_adds_and_clearing_starts_again()
    {
        var x = new Scalar(3.0);
        var y = x * x;

        y.Backward();
        y.Backward();
        Assert.Equal(12.0, x.Derivative);

        x.ClearDerivative();
        Assert.Null(x.Derivative);
        y.Backward();
        Assert.Equal(6.0, x.Derivative);
    }

    [Fact]
    public void A_variable_used_many_times_gets_every_contribution()
    {
        var x = new Scalar(2.0);
        var y = x;
        for (var i = 0; i < 9; i++)
        {
            y *= x;
        }

        y.Backward();

        Assert.Equal(10.0 * Math.Pow(2.0, 9), x.Derivative);
    }

    [Fact]
    public void Constants_and_intermediate_values_never_receive_a_derivative()
    {
        var x = new Scalar(2.0);
        var hidden = x * 3.0;
        var y = hidden + 1.0;

        y.Backward();

        Assert.Equal(3.0, x.Derivative);
        Assert.Null(hidden.Derivative);
        Assert.All(y.History!.Inputs.Concat(hidden.History!.Inputs).Where(s => s.IsConstant), c => Assert.Null(c.Derivative));
    }

    [Fact]
    public void Backward_of_a_leaf_gives_the_leaf_its_own_derivative()
    {
        var x = new Scalar(2.0);
        x.Backward(4.0);

        Assert.Equal(4.0, x.Derivative);
    }
}
