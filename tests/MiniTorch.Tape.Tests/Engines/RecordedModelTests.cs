using CsCheck;

using MiniTorch.Runs;

namespace MiniTorch.Tests;

/// <summary>
/// <see cref="RecordedModel"/>, the recorded forward pass the boundary pictures use: every value is bit for bit the
/// Scalar network's forward at the same point, before and after training steps.
/// </summary>
[Trait("Task", "1.5")]
public sealed class RecordedModelTests
{
    [Fact]
    public void Replaying_gives_the_scalar_forward_bit_for_bit_at_any_point_of_any_trained_network()
    {
        var cases =
            from hidden in Gen.Int[1, 12]
            from seed in Gen.ULong[1, 1000]
            from steps in Gen.Int[0, 3]
            from points in Gen.Select(Gen.Double[-3.0, 4.0], Gen.Double[-3.0, 4.0]).Array[1, 40]
            select (hidden, seed, steps, points);

        cases.Sample(
            c =>
            {
                var network = Trained(c.hidden, c.seed, c.steps);
                var recorded = RecordedModel.Record(network, inputCount: 2);
                foreach (var (x1, x2) in c.points)
                {
                    var expected = network.Forward([Scalar.Constant(x1), Scalar.Constant(x2)]).Data;
                    BitAssert.Identical(expected, recorded.Evaluate([x1, x2]), $"hidden {c.hidden}, seed {c.seed}, ({x1:R}, {x2:R})");
                }
            },
            iter: 60);
    }

    [Theory]
    [InlineData("Xor", 10)]
    [InlineData("Spiral", 30)]
    public void The_correct_count_is_the_one_of_the_scalar_network(string dataset, int hidden)
    {
        var settings = new TrainingSettings(dataset, 60, hidden, 0.5, 5, 3);
        var network = Trained(hidden, 3, 5);

        Assert.Equal(
            Predictions.CountCorrect(network, settings.CreateDataset()),
            RecordedModel.Record(network, inputCount: 2).CountCorrect(settings.CreateDataset()));
    }

    [Fact]
    public void A_point_of_the_wrong_size_names_the_expected_size()
    {
        var recorded = RecordedModel.Record(Trained(2, 1, 0), inputCount: 2);

        var problem = Assert.Throws<ArgumentException>(() => recorded.Evaluate([1.0, 2.0, 3.0]));

        Assert.StartsWith("The model takes 2 coordinates, but 3 were given.", problem.Message, StringComparison.Ordinal);
    }

    private static Network Trained(int hidden, ulong seed, int epochs)
    {
        var settings = new TrainingSettings("Xor", 20, hidden, 0.5, Math.Max(epochs, 1), seed);
        var network = TrainingSettings.CreateNetwork(settings.Hidden, settings.Seed);
        if (epochs > 0)
        {
            new Trainer(network, settings.CreateDataset(), settings.LearningRate, new TapeEngine()).Train(epochs);
        }

        return network;
    }
}
