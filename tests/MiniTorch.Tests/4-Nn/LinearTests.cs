using CsCheck;

namespace MiniTorch.Tests;

/// <summary>Task 1.5: the fully connected layer.</summary>
[Trait("Task", "1.5")]
public sealed class LinearTests
{
    [Fact]
    public void Parameters_are_the_weights_row_by_row_then_the_biases()
    {
        var layer = new Linear(2, 3, new SplitMix64(1));

        Assert.Equal(
            ["weight_0_0", "weight_0_1", "weight_0_2", "weight_1_0", "weight_1_1", "weight_1_2", "bias_0", "bias_1", "bias_2"],
            layer.NamedParameters().Select(p => p.Key));
    }

    [Fact]
    public void Initial_values_are_drawn_in_registration_order_from_minus_one_to_one() =>
        Gen.ULong.Sample(seed =>
        {
            var layer = new Linear(3, 4, new SplitMix64(seed));
            var random = new SplitMix64(seed);

            Assert.All(layer.Parameters(), p =>
            {
                Assert.Equal(random.NextDouble(-1.0, 1.0), p.Value.Data);
                Assert.True(p.Value.IsLeaf);
            });
        });

    [Fact]
    public void Forward_adds_the_products_to_the_bias_input_by_input() =>
        Gen.Select(Gen.ULong, Gen.Double[-10, 10], Gen.Double[-10, 10]).Sample((seed, x0, x1) =>
        {
            var layer = new Linear(2, 3, new SplitMix64(seed));

            var output = layer.Call([x0, x1]);

            for (var j = 0; j < 3; j++)
            {
                var expected = layer.Bias(j).Value.Data + (x0 * layer.Weight(0, j).Value.Data) + (x1 * layer.Weight(1, j).Value.Data);
                Assert.Equal(expected, output[j].Data);
            }
        });

    [Fact]
    public void Backward_gives_each_weight_its_input_and_each_bias_one()
    {
        var layer = new Linear(2, 1, new SplitMix64(3));

        layer.Call([Scalar.Constant(2.0), Scalar.Constant(-3.0)])[0].Backward();

        Assert.Equal(2.0, layer.Weight(0, 0).Value.Derivative);
        Assert.Equal(-3.0, layer.Weight(1, 0).Value.Derivative);
        Assert.Equal(1.0, layer.Bias(0).Value.Derivative);
    }

    [Fact]
    public void A_wrong_number_of_inputs_is_rejected_with_both_sizes()
    {
        var layer = new Linear(2, 3, new SplitMix64(1));

        var error = Assert.Throws<ArgumentException>(() => layer.Call([1.0]));
        Assert.Contains("takes 2 inputs, but 1 were given", error.Message, StringComparison.Ordinal);
    }
}
