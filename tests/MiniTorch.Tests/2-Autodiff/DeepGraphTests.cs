namespace MiniTorch.Tests;

/// <summary>
/// Task 1.4 beyond the reference: graphs a million operations deep backpropagate on the default stack, which a
/// recursive walk cannot do. They run alone, after the other tests, so that when a recursive walk crashes the test
/// run, the progress table can name the test that was running.
/// </summary>
[Trait("Task", "1.4")]
[Collection(DeepGraphs.Name)]
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
        Expect.Equal(1.0, x.Derivative, "for y = x + 1 + 1 + … (a million additions), x.Derivative");
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

        Expect.Equal(Depth, x.Derivative, "for y = x + x + … (a million times), x.Derivative");
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

        var count = Autodiff.TopologicalSort(y).Count;

        Assert.True(count == Depth + 1, $"a chain of a million sigmoids from x has a million and one variables to sort, but the sort listed {count}");
    }
}

/// <summary>The collection of the deep-graph tests: run one at a time, after the tests that run in parallel.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DeepGraphs
{
    public const string Name = "Deep graphs";
}
