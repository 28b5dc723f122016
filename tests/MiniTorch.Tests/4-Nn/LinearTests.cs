using CsCheck;

namespace MiniTorch.Tests;

/// <summary>Task 1.5: the fully connected layer.</summary>
[Trait("Task", "1.5")]
public sealed class LinearTests
{
    // course: omit: tests the constructor the course gives
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
    // course: end

    // Readable inputs rather than random ones, so that a failure's sums can be followed by hand.
    [Theory]
    [InlineData(1UL, 0.5, -1.5, 2.0)]
    [InlineData(2UL, 3.0, 0.25, -1.0)]
    [InlineData(3UL, -2.0, 4.0, 0.75)]
    public void Forward_adds_the_products_to_the_bias_input_by_input(ulong seed, double x0, double x1, double x2)
    {
        double[] x = [x0, x1, x2];
        var layer = new Linear(3, 2, new SplitMix64(seed));

        var output = layer.Call([.. x.Select(Scalar.Constant)]);

        Assert.True(output.Length == 2, $"Linear(3, 2) should give 2 outputs, but it gave {output.Length}");
        for (var j = 0; j < 2; j++)
        {
            double[] terms = [.. x.Select((xi, i) => xi * layer.Weight(i, j).Value.Data)];
            var expected = layer.Bias(j).Value.Data + terms[0] + terms[1] + terms[2];
            Assert.True(expected.Equals(output[j].Data), LinearMistake(layer, j, terms, output[j].Data));
        }
    }

    [Fact]
    public void Backward_gives_each_weight_its_input_and_each_bias_one()
    {
        var layer = new Linear(2, 1, new SplitMix64(3));

        layer.Call([Scalar.Constant(2.0), Scalar.Constant(-3.0)])[0].Backward();

        Expect.Equal(2.0, layer.Weight(0, 0).Value.Derivative, "for y = b + 2 · w_00 − 3 · w_10, ∂y/∂w_00, the derivative of weight_0_0,");
        Expect.Equal(-3.0, layer.Weight(1, 0).Value.Derivative, "∂y/∂w_10, the derivative of weight_1_0,");
        Expect.Equal(1.0, layer.Bias(0).Value.Derivative, "∂y/∂b, the derivative of bias_0,");
    }

    // course: omit: tests the check the course gives
    [Fact]
    public void A_wrong_number_of_inputs_is_rejected_with_both_sizes()
    {
        var layer = new Linear(2, 3, new SplitMix64(1));

        var error = Assert.Throws<ArgumentException>(() => layer.Call([1.0]));
        Assert.Contains("takes 2 inputs, but 1 were given", error.Message, StringComparison.Ordinal);
    }
    // course: end

    // What output j should be, term by term, and which term the value found lacks, if one.
    private static string LinearMistake(Linear layer, int j, double[] terms, double actual)
    {
        var bias = layer.Bias(j).Value.Data;
        var sum = $"b_{j} + x_0 · w_0{j} + x_1 · w_1{j} + x_2 · w_2{j} = {bias:R} + {terms[0]:R} + {terms[1]:R} + {terms[2]:R}";
        var head = $"Linear(3, 2).Forward: output {j} should be {sum} = {bias + terms[0] + terms[1] + terms[2]:R}, added in that order, but it is {actual:R}.";
        bool Near(double value) => Math.Abs(actual - value) <= 1e-9 * (1.0 + Math.Abs(value));
        if (Near(terms.Sum()))
        {
            return head + $" That is the sum without the bias b_{j}: start each output from its bias.";
        }

        for (var i = 0; i < terms.Length; i++)
        {
            if (Near(bias + terms.Sum() - terms[i]))
            {
                return head + $" That is the sum without x_{i} · w_{i}{j}: does the loop over the inputs {(i == 0 ? "start at 0" : i == terms.Length - 1 ? "reach the last input" : "visit every input")}?";
            }
        }

        return Near(bias + terms.Sum())
            ? head + " That is the right sum added in another order: start from the bias and add the inputs in order, to get MiniTorch's bits."
            : head + $" Output j adds x_i · w_ij over the inputs i: Weight(i, j) is the weight from input i to output j.";
    }
}
