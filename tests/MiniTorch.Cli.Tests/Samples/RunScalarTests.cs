using System.Globalization;

using MiniTorch.Runs;

namespace MiniTorch.Tests;

/// <summary>samples/RunScalar: its plain loop logs, bit for bit, what the library's Trainer reports with the same settings.</summary>
[Trait("Task", "1.5")]
public sealed class RunScalarTests
{
    [Fact]
    public void The_plain_loop_logs_the_losses_and_counts_of_the_trainer()
    {
        var settings = new TrainingSettings("Simple", points: 50, hidden: 2, learningRate: 0.5, epochs: 25, seed: 1);
        var outcome = new Trainer(settings.CreateNetwork(), settings.CreateDataset(), settings.LearningRate, new ScalarEngine()).Train(settings.Epochs);
        var expected = outcome.Epochs
            .Where(e => e.Epoch % 10 == 0 || e.Epoch == settings.Epochs)
            .Select(e => string.Create(CultureInfo.InvariantCulture, $"Epoch {e.Epoch} loss {e.TotalLoss:R} correct {e.Correct}"));

        Assert.Equal(expected, SampleProgram.Run("RunScalar", "25"));
    }
}
