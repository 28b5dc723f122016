namespace MiniTorch.Tests;

/// <summary>Task 1.5: the training loop, its reports, reproducibility, divergence and cancellation.</summary>
[Trait("Task", "1.5")]
public sealed class TrainerTests
{
    [Fact]
    public void Simple_with_two_hidden_units_learns_at_least_45_of_50_points()
    {
        var settings = TrainingSettings.Recommended("simple", 1);
        var trainer = new Trainer(settings.CreateNetwork(), settings.CreateDataset(), settings.LearningRate);

        var outcome = trainer.Train(settings.Epochs);

        Assert.False(outcome.Diverged);
        Assert.True(outcome.Final.Correct >= 45, $"only {outcome.Final.Correct}/50 correct");
    }

    [Fact]
    public void A_run_is_reproducible_bit_for_bit_with_the_same_settings()
    {
        static (double[] Losses, int[] Correct, double[] Parameters) Run()
        {
            var settings = new TrainingSettings("xor", 20, 4, 0.5, 15, 9);
            var network = settings.CreateNetwork();
            var outcome = new Trainer(network, settings.CreateDataset(), settings.LearningRate).Train(settings.Epochs);
            return ([.. outcome.Epochs.Select(e => e.TotalLoss)], [.. outcome.Epochs.Select(e => e.Correct)], [.. network.Parameters().Select(p => p.Value.Data)]);
        }

        var first = Run();
        var second = Run();

        Assert.Equal(first.Losses.Select(BitConverter.DoubleToInt64Bits), second.Losses.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(first.Correct, second.Correct);
        Assert.Equal(first.Parameters.Select(BitConverter.DoubleToInt64Bits), second.Parameters.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void Every_epoch_is_reported_in_order_before_the_outcome_returns()
    {
        var settings = new TrainingSettings("diag", 10, 2, 0.5, 7, 3);
        var reports = new List<EpochReport>();

        var outcome = new Trainer(settings.CreateNetwork(), settings.CreateDataset(), 0.5).Train(7, new Collect(reports));

        Assert.Equal([1, 2, 3, 4, 5, 6, 7], reports.Select(r => r.Epoch));
        Assert.Equal(outcome.Epochs, reports);
        Assert.All(reports, r => Assert.InRange(r.Correct, 0, 10));
    }

    [Fact]
    public void A_huge_rate_stops_training_at_the_first_non_finite_loss()
    {
        var settings = new TrainingSettings("xor", 20, 10, 1e300, 50, 1);

        var outcome = new Trainer(settings.CreateNetwork(), settings.CreateDataset(), settings.LearningRate).Train(settings.Epochs);

        Assert.True(outcome.Diverged);
        Assert.Equal(outcome.Epochs.Count, outcome.DivergedAtEpoch);
        Assert.False(double.IsFinite(outcome.Final.TotalLoss));
        Assert.All(outcome.Epochs.SkipLast(1), e => Assert.True(double.IsFinite(e.TotalLoss)));
    }

    [Fact]
    public void Cancellation_stops_before_the_next_epoch()
    {
        using var cancellation = new CancellationTokenSource();
        var reports = new List<EpochReport>();
        var settings = new TrainingSettings("simple", 10, 2, 0.5, 100, 1);
        var trainer = new Trainer(settings.CreateNetwork(), settings.CreateDataset(), 0.5);

        Assert.Throws<OperationCanceledException>(() => trainer.Train(100, new Collect(reports, cancellation.Cancel), cancellation.Token));
        Assert.Single(reports);
    }

    [Fact]
    public void Asking_for_the_most_epochs_an_int_holds_reserves_nothing_for_epochs_not_run()
    {
        using var cancellation = new CancellationTokenSource();
        var reports = new List<EpochReport>();
        var settings = new TrainingSettings("simple", 10, 2, 0.5, 100, 1);
        var trainer = new Trainer(settings.CreateNetwork(), settings.CreateDataset(), 0.5);

        Assert.Throws<OperationCanceledException>(() => trainer.Train(int.MaxValue, new Collect(reports, cancellation.Cancel), cancellation.Token));
        Assert.Single(reports);
    }

    [Fact]
    public void A_custom_engine_computes_the_epoch_and_the_trainer_steps_with_its_gradients()
    {
        var network = new Network(1, new SplitMix64(1));
        var before = network.Parameters().Select(p => p.Value.Data).ToArray();

        var outcome = new Trainer(network, Datasets.Simple(4, 1), 0.5, new ConstantGradient()).Train(2);

        Assert.Equal([new EpochTotals(7.0, 3), new EpochTotals(7.0, 3)], outcome.Epochs.Select(e => new EpochTotals(e.TotalLoss, e.Correct)));
        Assert.Equal(before.Select(v => v - 1.0 - 1.0), network.Parameters().Select(p => p.Value.Data));
    }

    [Fact]
    public void The_reference_engine_leaves_the_gradient_of_the_mean_loss_on_the_parameters()
    {
        var settings = new TrainingSettings("circle", 8, 3, 0.5, 1, 4);
        var network = settings.CreateNetwork();
        var data = settings.CreateDataset();
        new ScalarEngine().RunEpoch(network, data);
        var parameters = network.Parameters();
        var derivatives = parameters.Select(p => p.Value.Derivative ?? 0.0).ToArray();

        for (var i = 0; i < parameters.Count; i += 3)
        {
            const double h = 1e-6;
            var value = parameters[i].Value.Data;
            parameters[i].Update(new Scalar(value + h));
            var up = new ScalarEngine().RunEpoch(network, data).TotalLoss;
            parameters[i].Update(new Scalar(value - h));
            var down = new ScalarEngine().RunEpoch(network, data).TotalLoss;
            parameters[i].Update(new Scalar(value));
            var numeric = (up - down) / (2 * h) / data.Count;
            Assert.True(Math.Abs(derivatives[i] - numeric) < 1e-6 + (1e-4 * Math.Abs(numeric)), $"parameter {i}: autodiff {derivatives[i]}, numeric {numeric}");
        }
    }

    [Theory]
    [InlineData(0.7, 1, true)]
    [InlineData(0.3, 0, true)]
    [InlineData(0.5, 1, false)]
    [InlineData(0.5, 0, false)]
    [InlineData(double.NaN, 0, false)]
    [InlineData(0.3, 1, false)]
    public void Exactly_one_half_counts_as_wrong_for_both_classes(double output, int label, bool correct) =>
        Assert.Equal(correct, Predictions.IsCorrect(output, label));

    [Fact]
    public void The_recommended_settings_are_minitorchs()
    {
        Assert.Equal(new TrainingSettings("Simple", 50, 2, 0.5, 500, 1), TrainingSettings.Recommended("simple"));
        Assert.Equal(10, TrainingSettings.Recommended("xor").Hidden);
    }

    [Fact]
    public void The_initial_weights_do_not_repeat_the_points_numbers()
    {
        var settings = new TrainingSettings("simple", 5, 2, 0.5, 1, 1);
        var first = settings.CreateDataset().Points[0];

        Assert.NotEqual(2 * first.X1 - 1, settings.CreateNetwork().Parameters()[0].Value.Data);
    }

    private sealed class Collect(List<EpochReport> reports, Action? after = null) : IProgress<EpochReport>
    {
        public void Report(EpochReport value)
        {
            reports.Add(value);
            after?.Invoke();
        }
    }

    private sealed class ConstantGradient : ITrainingEngine
    {
        public EpochTotals RunEpoch(Module<Scalar[], Scalar> model, Dataset data)
        {
            foreach (var parameter in model.Parameters())
            {
                parameter.Value.AccumulateDerivative(2.0);
            }

            return new EpochTotals(7.0, 3);
        }
    }
}
