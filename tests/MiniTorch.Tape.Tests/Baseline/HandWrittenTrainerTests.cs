using MiniTorch.Runs;

namespace MiniTorch.Tests;

/// <summary>The hand-written baseline's training loop does what the trainer does with the engines, number for number.</summary>
[Trait("Task", "1.5")]
public sealed class HandWrittenTrainerTests
{
    [Theory]
    [InlineData("xor")]
    [InlineData("simple")]
    public void It_trains_like_the_engines_equal_up_to_the_sign_of_zero(string dataset)
    {
        var settings = TrainingSettings.Recommended(dataset);
        var data = settings.CreateDataset();
        var network = TrainingSettings.CreateNetwork(settings.Hidden, settings.Seed);
        var baseline = new HandWrittenTrainer(network, data, settings.LearningRate);
        var engine = new TapeEngine();
        var sgd = new Sgd(network.Parameters(), settings.LearningRate);

        for (var epoch = 1; epoch <= 100; epoch++)
        {
            sgd.ZeroGrad();
            var expected = engine.RunEpoch(network, data);
            var actual = baseline.RunEpoch();
            sgd.Step();
            baseline.Step();

            Assert.Equal(expected, actual);
            Assert.Equal(network.Parameters().Select(p => p.Value.Data), baseline.Network.Parameters.ToArray());
        }
    }

    [Fact]
    public void Epochs_and_steps_allocate_nothing()
    {
        var settings = TrainingSettings.Recommended("circle");
        var baseline = new HandWrittenTrainer(TrainingSettings.CreateNetwork(settings.Hidden, settings.Seed), settings.CreateDataset(), settings.LearningRate);
        baseline.RunEpoch();
        baseline.Step();

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var epoch = 0; epoch < 10; epoch++)
        {
            baseline.RunEpoch();
            baseline.Step();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Empty_data_and_bad_rates_are_rejected()
    {
        var network = new Network(2, new SplitMix64(1));
        var data = Datasets.Simple(3, 1);

        Assert.Throws<ArgumentOutOfRangeException>(() => new HandWrittenTrainer(network, new Dataset("none", [], []), 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HandWrittenTrainer(network, data, 0.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HandWrittenTrainer(network, data, double.NaN));
        Assert.Equal(0.5, new HandWrittenTrainer(network, data, 0.5).LearningRate);
    }
}
