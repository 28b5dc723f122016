using CsCheck;

namespace MiniTorch.Tests;

/// <summary>Task 1.5: the 2 → H → H → 1 network.</summary>
[Trait("Task", "1.5")]
public sealed class NetworkTests
{
    [Fact]
    public void Parameters_are_named_like_minitorchs()
    {
        var names = new Network(2, new SplitMix64(1)).NamedParameters().Select(p => p.Key).ToList();

        Assert.Equal(
            [
                "layer1.weight_0_0", "layer1.weight_0_1", "layer1.weight_1_0", "layer1.weight_1_1", "layer1.bias_0", "layer1.bias_1",
                "layer2.weight_0_0", "layer2.weight_0_1", "layer2.weight_1_0", "layer2.weight_1_1", "layer2.bias_0", "layer2.bias_1",
                "layer3.weight_0_0", "layer3.weight_1_0", "layer3.bias_0",
            ],
            names);
    }

    [Fact]
    public void The_parameter_count_is_h_squared_plus_five_h_plus_one() =>
        Gen.Int[1, 30].Sample(hidden =>
        {
            var count = new Network(hidden, new SplitMix64(1)).Parameters().Count;

            Assert.True(
                count == (hidden * hidden) + (5 * hidden) + 1,
                $"Network({hidden}) should have H² + 5H + 1 = {(hidden * hidden) + (5 * hidden) + 1} parameters (2H + H in layer1, H² + H in layer2, H + 1 in layer3), but it has {count}");
        });

    // course: omit: tests code the course gives
    [Fact]
    public void The_recommended_widths_have_15_and_151_parameters()
    {
        Assert.Equal(15, Network.ParameterCount(2));
        Assert.Equal(151, Network.ParameterCount(10));
    }

    [Fact]
    public void A_width_below_one_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Network(0, new SplitMix64(1)));
    // course: end

    [Fact]
    public void The_output_is_the_sigmoid_of_two_relu_layers() =>
        Gen.Select(Gen.ULong, Gen.Double[0, 1], Gen.Double[0, 1]).Sample((seed, x1, x2) =>
        {
            var network = new Network(3, new SplitMix64(seed));

            var h1 = network.Layer1.Call([x1, x2]).Select(s => Math.Max(s.Data, 0.0)).ToArray();
            var h2 = network.Layer2.Call([.. h1.Select(Scalar.Constant)]).Select(s => Math.Max(s.Data, 0.0)).ToArray();
            var expected = Operators.Sigmoid(network.Layer3.Call([.. h2.Select(Scalar.Constant)])[0].Data);

            Assert.Equal(expected, network.Call([x1, x2]).Data);
        });

    [Fact]
    public void The_activations_hold_both_hidden_layers_after_relu_and_the_output_forward_returns()
    {
        var network = new Network(3, new SplitMix64(4));
        Scalar[] input = [Scalar.Constant(0.3), Scalar.Constant(0.8)];

        var pass = network.Activations(input);
        var output = network.Forward([Scalar.Constant(0.3), Scalar.Constant(0.8)]);

        Assert.Equal([3, 3], pass.Hidden.Select(layer => layer.Length));
        Assert.All(pass.Hidden.SelectMany(layer => layer), unit => Assert.Equal("Relu", unit.History!.LastFunction!.Name));
        Assert.Equal("Sigmoid", pass.Output.History!.LastFunction!.Name);
        Assert.Equal(BitConverter.DoubleToInt64Bits(output.Data), BitConverter.DoubleToInt64Bits(pass.Output.Data));
    }
}
