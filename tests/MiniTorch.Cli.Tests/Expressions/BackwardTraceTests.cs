using CsCheck;
using MiniTorch.Expressions;

namespace MiniTorch.Tests.Expressions;

/// <summary>
/// Task 1.4, as the sandbox shows it: the backward pass one step at a time, recorded from the library's own
/// Backpropagate, with the chain rule of each step.
/// </summary>
[Trait("Task", "1.4")]
public sealed class BackwardTraceTests
{
    [Fact]
    public void Paths_of_unequal_length_show_each_share_and_the_sum_collected_by_the_shared_node()
    {
        var x = new Scalar(1.0);
        var a = x * 2.0;
        var b = a * 3.0;
        var c = a + b;

        var steps = BackwardTrace.Of(c);

        // c = a + b passes 1 to each; b = a · 3 passes 1 · 3 to a; a = x · 2 collected 1 + 3 and passes 4 · 2 to x.
        Assert.Collection(
            steps,
            step => AssertStep(step, c, 1.0, (a, 1.0, 1.0, true), (b, 1.0, 1.0, true)),
            step => AssertStep(step, b, 1.0, (a, 3.0, 3.0, true), (Constant(b, 1), 2.0, 2.0, false)),
            step => AssertStep(step, a, 4.0, (x, 2.0, 8.0, true), (Constant(a, 1), 1.0, 4.0, false)),
            step => AssertStep(step, x, 8.0));
    }

    [Fact]
    public void A_leaf_used_by_three_functions_collects_every_share_before_its_turn()
    {
        var x = new Scalar(2.0);
        var y = new Scalar(3.0);
        var square = x * x;
        var product = square * y;
        var tenX = 10.0 * x;
        var f = product + tenX;

        var steps = BackwardTrace.Of(f);

        // f = x²y + 10x: ∂f/∂x = 2xy + 10 = 22 and ∂f/∂y = x² = 4.
        Assert.Collection(
            steps,
            step => AssertStep(step, f, 1.0, (product, 1.0, 1.0, true), (tenX, 1.0, 1.0, true)),
            step => AssertStep(step, tenX, 1.0, (Constant(tenX, 0), 2.0, 2.0, false), (x, 10.0, 10.0, true)),
            step => AssertStep(step, product, 1.0, (square, 3.0, 3.0, true), (y, 4.0, 4.0, true)),
            step => AssertStep(step, square, 3.0, (x, 2.0, 6.0, true), (x, 2.0, 6.0, true)),
            step => AssertStep(step, y, 4.0),
            step => AssertStep(step, x, 22.0));
    }

    [Fact]
    public void The_starting_derivative_scales_every_share()
    {
        var x = new Scalar(3.0);
        var y = x * x;

        var steps = BackwardTrace.Of(y, 0.5);

        Assert.Collection(
            steps,
            step => AssertStep(step, y, 0.5, (x, 3.0, 1.5, true), (x, 3.0, 1.5, true)),
            step => AssertStep(step, x, 3.0));
    }

    [Fact]
    public void The_steps_of_a_leaf_are_one_step_and_of_a_constant_none()
    {
        var x = new Scalar(2.0);

        AssertStep(Assert.Single(BackwardTrace.Of(x, 4.0)), x, 4.0);
        Assert.Empty(BackwardTrace.Of(Scalar.Constant(1.0)));
    }

    [Fact]
    public void The_steps_visit_the_variables_in_the_order_of_the_topological_sort()
    {
        var x = new Scalar(0.5);
        var y = new Scalar(-1.5);
        var shared = (x * y).Sigmoid();
        var output = (shared * x) + (shared / (y * y)).Log();

        var visited = BackwardTrace.Of(output).Select(step => step.Scalar.UniqueId);

        Assert.Equal(Autodiff.TopologicalSort(output).Select(v => v.UniqueId), visited);
    }

    [Fact]
    public void Tracing_twice_changes_no_derivative_and_gives_the_same_steps()
    {
        var x = new Scalar(2.0);
        var y = new Scalar(-1.0);
        var output = (x * y) + (x * 10.0) + y.Exp();

        var first = BackwardTrace.Of(output).Select(step => step.Derivative).ToList();
        var second = BackwardTrace.Of(output).Select(step => step.Derivative).ToList();

        Assert.Null(x.Derivative);
        Assert.Null(y.Derivative);
        Assert.Equal(first, second);
    }

    [Fact]
    public void A_missing_output_is_rejected() =>
        Assert.Throws<ArgumentNullException>(() => BackwardTrace.Of(null!));

    [Fact]
    public void Summing_the_leaf_steps_gives_the_derivatives_of_Backward_bit_for_bit_on_random_graphs()
    {
        var point = Gen.Double[-3.0, 3.0];
        Gen.Select(Gen.Int, point, point, point).Sample(
            (seed, a, b, c) =>
            {
                var (leaves, output) = RandomScalarGraphs.Build(seed, a, b, c);
                var summed = new Dictionary<Scalar, double>();
                foreach (var step in BackwardTrace.Of(output, 0.7).Where(step => step.IsLeaf))
                {
                    summed[step.Scalar] = summed.GetValueOrDefault(step.Scalar) + step.Derivative;
                }

                Assert.All(leaves, leaf => Assert.Null(leaf.Derivative));
                output.Backward(0.7);
                Assert.Equal(leaves.Select(leaf => leaf.Derivative.HasValue), leaves.Select(summed.ContainsKey));
                BitAssert.Identical(
                    [.. leaves.Select(leaf => leaf.Derivative ?? 0.0)],
                    [.. leaves.Select(leaf => summed.GetValueOrDefault(leaf))],
                    "derivative of leaf");
            },
            iter: 500);
    }

    [Fact]
    public void Every_share_is_the_collected_derivative_times_the_local_derivative_on_exact_numbers()
    {
        var x = new Scalar(0.25);
        var y = new Scalar(4.0);
        var output = (x * y * y) - (y * 0.5);

        foreach (var term in BackwardTrace.Of(output, 2.0).SelectMany(step => step.Terms.Select(term => (step, term))))
        {
            Assert.Equal(term.step.Derivative * term.term.LocalDerivative, term.term.Share);
        }
    }

    private static Scalar Constant(Scalar computed, int argument)
    {
        var input = computed.History!.Inputs[argument];
        Assert.True(input.IsConstant);
        return input;
    }

    private static void AssertStep(
        BackwardStep step,
        Scalar variable,
        double derivative,
        params (Scalar Parent, double Local, double Share, bool PassedOn)[] terms)
    {
        Assert.Same(variable, step.Scalar);
        Assert.Equal(derivative, step.Derivative);
        Assert.Equal(terms.Length == 0, step.IsLeaf);
        Assert.Equal(terms.Length, step.Terms.Count);
        for (var i = 0; i < terms.Length; i++)
        {
            Assert.Same(terms[i].Parent, step.Terms[i].Input);
            Assert.Equal(terms[i].Local, step.Terms[i].LocalDerivative);
            Assert.Equal(terms[i].Share, step.Terms[i].Share);
            Assert.Equal(terms[i].PassedOn, step.Terms[i].IsPassedOn);
        }
    }
}
