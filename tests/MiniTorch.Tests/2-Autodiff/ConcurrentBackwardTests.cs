namespace MiniTorch.Tests;

/// <summary>Task 1.4 beyond the reference: graphs on several threads at once give the sequential results exactly.</summary>
[Trait("Task", "1.4")]
public sealed class ConcurrentBackwardTests
{
    [Fact]
    public void Concurrent_graphs_give_exactly_the_results_of_running_them_one_after_another()
    {
        const int graphs = 8;
        var sequential = Enumerable.Range(0, graphs).Select(Run).ToArray();

        var concurrent = new (double, double, double)[graphs];
        Parallel.For(0, graphs, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => concurrent[i] = Run(i));

        Assert.Equal(sequential, concurrent);
    }

    private static (double Value, double Dx, double Dy) Run(int seed)
    {
        var x = new Scalar(0.1 * seed);
        var y = new Scalar(1.0 - (0.05 * seed));
        var z = Scalar.Constant(0.0);
        for (var i = 0; i < 5_000; i++)
        {
            z = ((z * 0.5) + (x * y).Sigmoid() - (y / (x + 3.0))).Relu() + (x > y);
        }

        z.Backward();
        return (z.Data, x.Derivative!.Value, y.Derivative!.Value);
    }
}
