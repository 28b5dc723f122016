
namespace MiniTorch.Tests;

/// <summary>The hand-written yardstick computes what the scalar graph computes, operation for operation.</summary>
[Trait("Task", "1.4")]
public sealed class HandWrittenNetworkTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(2)]
    [InlineData(1)]
    public void Outputs_losses_and_gradients_match_the_graph_engine(int hidden)
    {
        const int points = 50;
        var parameters = ScalarMlp.NewParameters(hidden, seed: 5);
        var network = new HandWrittenNetwork(hidden);
        for (var k = 0; k < parameters.Length; k++)
        {
            network.Parameters[k] = parameters[k].Data;
        }

        var random = new Random(6);
        for (var n = 0; n < points; n++)
        {
            double x0 = random.NextDouble(), x1 = random.NextDouble();
            var label = random.Next(2);
            var graph = ScalarMlp.Build(parameters, new Scalar(x0), new Scalar(x1), label, hidden);
            (graph.Loss / points).Backward();

            var (output, loss) = network.Accumulate(x0, x1, label, 1.0 / points);

            AssertClose(graph.Output.Data, output);
            AssertClose(graph.Loss.Data, loss);
            Assert.Equal(output, network.Forward(x0, x1));
        }

        for (var k = 0; k < parameters.Length; k++)
        {
            AssertClose(parameters[k].Derivative ?? 0.0, network.Gradients[k]);
        }
    }

    [Fact]
    public void The_parameter_count_is_that_of_minitorch()
    {
        Assert.Equal(15, new HandWrittenNetwork(2).Parameters.Length);
        Assert.Equal(151, new HandWrittenNetwork(10).Parameters.Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => new HandWrittenNetwork(0));
    }

    /// <summary>Within 10⁻¹² relative; the operations are the same, so in practice the values are equal.</summary>
    private static void AssertClose(double expected, double actual) =>
        Assert.True(
            Math.Abs(expected - actual) <= 1e-12 * Math.Abs(expected),
            $"expected {expected:R}, got {actual:R}");
}
