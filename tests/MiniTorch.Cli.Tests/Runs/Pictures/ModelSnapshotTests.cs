using MiniTorch.Runs;

namespace MiniTorch.Tests.Runs;

/// <summary>Task 1.5's pictures: a snapshot gives the network's output bit for bit, as it was when taken.</summary>
[Trait("Task", "1.5")]
public sealed class ModelSnapshotTests
{
    [Fact]
    public void A_snapshot_evaluates_as_the_network_did_when_it_was_taken_whatever_training_follows()
    {
        var settings = new TrainingSettings("xor", 20, 4, 0.5, 5, 2);
        var network = settings.CreateNetwork();
        var data = settings.CreateDataset();
        double[] Outputs() => [.. data.Points.Select(p => network.Call([Scalar.Constant(p.X1), Scalar.Constant(p.X2)]).Data)];
        var before = Outputs();
        var correct = Predictions.CountCorrect(network, data);

        var snapshot = ModelSnapshot.Of(network);
        new Trainer(network, data, settings.LearningRate).Train(settings.Epochs);

        BitAssert.Identical(before, [.. data.Points.Select(p => snapshot.Evaluate(p.X1, p.X2))], "outputs");
        Assert.Equal(correct, snapshot.CountCorrect(data));
        Assert.NotEqual(before, Outputs());
    }
}
