using CsCheck;

namespace MiniTorch.Tests;

/// <summary>Task 1.4: Scalar.Backward's fast walk gives exactly the reference walk's derivatives.</summary>
[Trait("Task", "1.4")]
public sealed class ScalarBackwardTests
{
    [Fact]
    public void Backward_matches_the_reference_backpropagation_bit_for_bit_on_random_graphs()
    {
        var point = Gen.Double[-3.0, 3.0];
        Gen.Select(Gen.Int, point, point, point).Sample(
            (seed, a, b, c) =>
            {
                var fast = Derivatives(seed, a, b, c, output => output.Backward(0.7));
                var reference = Derivatives(seed, a, b, c, output => Autodiff.Backpropagate(output, 0.7));

                AssertSameBits(reference, fast);
            },
            iter: 1000);
    }

    [Fact]
    public void Backward_matches_the_reference_when_other_scalars_are_created_between_the_operations()
    {
        var point = Gen.Double[-3.0, 3.0];
        Gen.Select(Gen.Int, point, point, point, Gen.Int[0, 3]).Sample(
            (seed, a, b, c, spacing) =>
            {
                var fast = Derivatives(seed, a, b, c, output => output.Backward(0.7), spacing);
                var reference = Derivatives(seed, a, b, c, output => Autodiff.Backpropagate(output, 0.7), spacing);

                AssertSameBits(reference, fast);
            },
            iter: 1000);
    }

    [Fact]
    public void A_graph_built_in_pieces_far_apart_gives_the_reference_derivatives()
    {
        double?[] Run(Action<Scalar> backpropagate)
        {
            var x = new Scalar(0.3);
            var y = new Scalar(-1.2);
            var early = (x * y).Sigmoid();
            for (var i = 0; i < 10_000; i++)
            {
                _ = new Scalar(i) * 2.0;
            }

            var late = (early * x) + (early / (y * y));
            backpropagate(late * early);
            return [x.Derivative, y.Derivative];
        }

        AssertSameBits(Run(o => Autodiff.Backpropagate(o, 1.0)), Run(o => o.Backward()));
    }

    [Fact]
    public void Pieces_far_apart_and_used_by_many_later_scalars_give_the_reference_derivatives()
    {
        double?[] Run(Action<Scalar> backpropagate)
        {
            var x = new Scalar(0.4);
            var y = new Scalar(-0.9);
            var pieces = new List<Scalar>();
            for (var piece = 0; piece < 6; piece++)
            {
                var shared = pieces.Count == 0 ? (x * y).Exp() : (pieces[^1] * x) + pieces[0];
                pieces.Add(shared.Sigmoid() + shared);
                for (var i = 0; i < 3000 * (piece + 1); i++)
                {
                    _ = new Scalar(i) + 1.0;
                }
            }

            var output = pieces[0];
            foreach (var piece in pieces)
            {
                output = (output * piece) + (piece * y);
            }

            backpropagate(output);
            return [x.Derivative, y.Derivative];
        }

        AssertSameBits(Run(o => Autodiff.Backpropagate(o, 1.0)), Run(o => o.Backward()));
    }

    [Fact]
    public void A_walk_stopped_by_an_exception_changes_no_derivative_and_the_graph_can_be_walked_again()
    {
        static (Scalar X, Scalar Y, Scalar Z) Build()
        {
            var x = new Scalar(2.0);
            var y = new Scalar(3.0);
            return (x, y, (x * y) + (x * 10.0) + y.Log());
        }

        var fresh = Build();
        fresh.Z.Backward();
        var (x, y, z) = Build();

        using (Autodiff.DetectAnomalies())
        {
            Assert.Throws<AnomalyException>(() => z.Backward(1e308));
        }

        Assert.Null(x.Derivative);
        Assert.Null(y.Derivative);
        z.Backward();
        Assert.Equal(fresh.X.Derivative, x.Derivative);
        Assert.Equal(fresh.Y.Derivative, y.Derivative);
    }

    [Fact]
    public void A_chain_of_three_million_additions_backpropagates_twice_with_the_same_result()
    {
        var x = new Scalar(1.0);
        var y = x;
        for (var i = 0; i < 3_000_000; i++)
        {
            y += 1e-7;
        }

        y.Backward();
        var first = x.Derivative;
        x.ClearDerivative();
        y.Backward();

        Assert.Equal(1.0, first);
        Assert.Equal(first, x.Derivative);
    }

    [Fact]
    public void A_second_walk_over_the_same_graph_starts_from_fresh_pending_derivatives()
    {
        var x = new Scalar(2.0);
        var y = (x * x) + (x * 3.0);

        y.Backward();
        y.Backward();

        Assert.Equal(2 * ((2 * 2.0) + 3.0), x.Derivative);
    }

    // The same leaves reached, and the same derivatives to the bit (0 and −0 differ).
    private static void AssertSameBits(double?[] expected, double?[] actual)
    {
        Assert.Equal(expected.Select(d => d.HasValue), actual.Select(d => d.HasValue));
        BitAssert.Identical([.. expected.Select(d => d ?? 0.0)], [.. actual.Select(d => d ?? 0.0)], "derivative of leaf");
    }

    private static double?[] Derivatives(int seed, double a, double b, double c, Action<Scalar> backpropagate, int spacing = 0)
    {
        var (leaves, output) = RandomScalarGraphs.Build(seed, a, b, c, spacing);
        backpropagate(output);
        return [.. leaves.Select(leaf => leaf.Derivative)];
    }
}
