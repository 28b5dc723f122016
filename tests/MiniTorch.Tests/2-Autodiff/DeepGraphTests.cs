namespace MiniTorch.Tests;

/// <summary>Task 1.4 beyond the reference: graphs a million operations deep backpropagate on the default stack.</summary>
[Trait("Task", "1.4")]
public sealed class DeepGraphTests
{
    private const int Depth = 1_000_000;

    [Fact]
    public void A_chain_of_a_million_additions_backpropagates()
    {
        var x = new Scalar(0.0);
        var y = x;
        for (var i = 0; i < Depth; i++)
        {
            y += 1.0;
        }

        y.Backward();

        Assert.Equal(Depth, y.Data);
        Assert.Equal(1.0, x.Derivative);
    }

    [Fact]
    public void A_chain_of_a_million_multiplications_backpropagates()
    {
        const double factor = 1.000001;
        var x = new Scalar(1.0);
        var y = x;
        for (var i = 0; i < Depth; i++)
        {
            y *= factor;
        }

        y.Backward();

        var expected = Math.Pow(factor, Depth);
        Assert.InRange(x.Derivative!.Value, expected * (1 - 1e-9), expected * (1 + 1e-9));
    }

    [Fact]
    public void A_leaf_used_a_million_times_receives_every_contribution()
    {
        var x = new Scalar(2.0);
        var y = Scalar.Constant(0.0);
        for (var i = 0; i < Depth; i++)
        {
            y += x;
        }

        y.Backward();

        Assert.Equal(Depth, x.Derivative);
    }

    [Fact]
    public void The_sort_of_a_deep_chain_lists_every_node_once()
    {
        var x = new Scalar(1.0);
        var y = x;
        for (var i = 0; i < Depth; i++)
        {
            y = y.Sigmoid();
        }

        Assert.Equal(Depth + 1, Autodiff.TopologicalSort(y).Count);
    }
}
