using CsCheck;
using MiniTorch.Runs;

namespace MiniTorch.Tests.Runs;

/// <summary>
/// The networks beyond MiniTorch's: a shape is 1 to 4 hidden layers and an activation; MiniTorch's shape is built as
/// the library's Network and any other as a LayeredNetwork, whose parameters are named and drawn as Network's, so that
/// with MiniTorch's shape it would compute the same bits.
/// </summary>
[Trait("Task", "1.5")]
public sealed class NetworkShapeTests
{
    [Fact]
    public void Minitorchs_shape_is_two_relu_layers_of_one_width_and_builds_the_librarys_network()
    {
        var shape = NetworkShape.MiniTorch(10);

        Assert.Equal([10, 10], shape.Widths);
        Assert.Equal(NetworkShape.Relu, shape.Activation);
        Assert.True(shape.IsMiniTorch);
        Assert.IsType<Network>(shape.Create(new SplitMix64(1)));
        Assert.Equal(Network.ParameterCount(10), shape.ParameterCount);
        Assert.Equal("hidden 10", shape.ToString());
    }

    [Theory]
    [InlineData(new[] { 10, 8 }, "relu", "hidden 10,8 relu")]
    [InlineData(new[] { 10, 10 }, "tanh", "hidden 10,10 tanh")]
    [InlineData(new[] { 10 }, "relu", "hidden 10 relu")]
    [InlineData(new[] { 4, 4, 4 }, "SIGMOID", "hidden 4,4,4 sigmoid")]
    public void Any_other_shape_builds_a_layered_network(int[] widths, string activation, string text)
    {
        var shape = new NetworkShape(widths, activation);

        Assert.False(shape.IsMiniTorch);
        var network = Assert.IsType<LayeredNetwork>(shape.Create(new SplitMix64(1)));
        Assert.Equal(shape, network.Shape);
        Assert.Equal(shape, NetworkShape.Of(network));
        Assert.Equal(text, shape.ToString());
        Assert.Equal(shape.ParameterCount, network.Parameters().Count);
        Assert.Equal(widths.Length + 1, network.Layers.Count);
    }

    [Fact]
    public void Shapes_are_equal_by_their_widths_in_order_and_activation()
    {
        Assert.Equal(new NetworkShape([3, 5], "tanh"), new NetworkShape([3, 5], "TANH"));
        Assert.NotEqual(new NetworkShape([3, 5], "tanh"), new NetworkShape([5, 3], "tanh"));
        Assert.NotEqual(new NetworkShape([3, 5], "tanh"), new NetworkShape([3, 5], "relu"));
        Assert.Equal(new NetworkShape([3, 5]).GetHashCode(), new NetworkShape([3, 5]).GetHashCode());
    }

    [Fact]
    public void A_shape_outside_the_rules_is_refused()
    {
        Assert.Contains("1 to 4 hidden layers, not 0", Assert.Throws<ArgumentException>(() => new NetworkShape([])).Message, StringComparison.Ordinal);
        Assert.Contains("1 to 4 hidden layers, not 5", Assert.Throws<ArgumentException>(() => new NetworkShape([1, 1, 1, 1, 1])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new NetworkShape([3, 0]));
        Assert.Contains("Valid activations: relu, tanh, sigmoid", Assert.Throws<ArgumentException>(() => new NetworkShape([3], "gelu")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_layered_network_of_minitorchs_shape_computes_the_librarys_network_bit_for_bit() =>
        Gen.Select(Gen.Int[1, 6], Gen.ULong, Gen.Double[-1.0, 2.0], Gen.Double[-1.0, 2.0]).Sample((hidden, seed, x1, x2) =>
        {
            var network = new Network(hidden, new SplitMix64(seed));
            var layered = new LayeredNetwork(NetworkShape.MiniTorch(hidden), new SplitMix64(seed));
            Assert.Equal(network.NamedParameters().Select(p => (p.Key, p.Value.Value.Data)), layered.NamedParameters().Select(p => (p.Key, p.Value.Value.Data)));

            var expected = network.Call([Scalar.Constant(x1), Scalar.Constant(x2)]);
            var actual = layered.Call([Scalar.Constant(x1), Scalar.Constant(x2)]);
            expected.Backward();
            actual.Backward();

            BitAssert.Identical(expected.Data, actual.Data, "output");
            BitAssert.Identical(
                [.. network.Parameters().Select(p => p.Value.Derivative ?? 0.0)], [.. layered.Parameters().Select(p => p.Value.Derivative ?? 0.0)], "gradient");
        });

    [Theory]
    [InlineData("relu", 0.0, double.PositiveInfinity)]
    [InlineData("tanh", -1.0, 1.0)]
    [InlineData("sigmoid", 0.0, 1.0)]
    public void Every_hidden_unit_goes_through_the_activation(string activation, double low, double high)
    {
        var network = new LayeredNetwork(new NetworkShape([5, 4, 3], activation), new SplitMix64(3));

        var pass = network.Activations([Scalar.Constant(0.3), Scalar.Constant(-2.0)]);

        Assert.Equal([5, 4, 3], pass.Hidden.Select(layer => layer.Length));
        Assert.All(pass.Hidden.SelectMany(layer => layer), unit => Assert.InRange(unit.Data, low, high));
        Assert.All(pass.Hidden.SelectMany(layer => layer), unit => Assert.Equal(activation, unit.History!.LastFunction!.Name, ignoreCase: true));
        Assert.Equal("Sigmoid", pass.Output.History!.LastFunction!.Name);
        Assert.Equal(pass.Output.Data, NetworkShape.Activate(network, [Scalar.Constant(0.3), Scalar.Constant(-2.0)]).Output.Data);
    }
}
