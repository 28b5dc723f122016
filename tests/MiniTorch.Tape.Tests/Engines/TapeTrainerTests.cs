using System.Globalization;

using MiniTorch.Runs;

namespace MiniTorch.Tests;

/// <summary>
/// <see cref="TapeTrainer"/>: the trainer's loop with the step on arrays gives <see cref="Trainer"/>'s reports and
/// parameters bit for bit, with every tape engine and on every dataset; the model is written only when asked, with
/// the gradients when asked before the step; an epoch allocates nothing once the tapes are compiled.
/// </summary>
[Trait("Task", "1.5")]
public sealed class TapeTrainerTests
{
    public static TheoryData<string, TapeReplay> DatasetsAndReplays()
    {
        var data = new TheoryData<string, TapeReplay>();
        foreach (var dataset in Datasets.Names)
        {
            foreach (var replay in Enum.GetValues<TapeReplay>())
            {
                data.Add(dataset, replay);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DatasetsAndReplays))]
    public void Every_epoch_reports_and_steps_as_the_trainer_with_the_graph_engine(string dataset, TapeReplay replay)
    {
        var recommended = TrainingSettings.Recommended(dataset);
        var settings = new TrainingSettings(recommended.Dataset, recommended.Points, recommended.Hidden, recommended.LearningRate, 60, recommended.Seed);
        var expectedNetwork = settings.CreateNetwork();
        var expected = new Trainer(expectedNetwork, settings.CreateDataset(), settings.LearningRate).Train(settings.Epochs);
        var network = settings.CreateNetwork();
        using var engine = new TapeEngine(replay);
        var trainer = new TapeTrainer(network, settings.CreateDataset(), settings.LearningRate, engine);

        var reports = Enumerable.Range(0, settings.Epochs).Select(_ => trainer.TrainEpoch()).ToList();
        trainer.UpdateModel();

        Assert.Equal(expected.Epochs.Select(Bits), reports.Select(Bits));
        BitAssert.Identical(EngineRun.Values(expectedNetwork), EngineRun.Values(network), $"{dataset}, {replay}, parameters");
        Assert.All(network.Parameters(), p => Assert.Null(p.Value.Derivative));
    }

    [Theory]
    [InlineData(TapeReplay.Interpreted)]
    [InlineData(TapeReplay.Compiled)]
    [InlineData(TapeReplay.Tiered)]
    public void The_model_read_in_the_hook_holds_the_trainers_values_and_gradients_before_the_step(TapeReplay replay)
    {
        var settings = new TrainingSettings("circle", 24, 5, 0.5, 8, 2);
        var expectedNetwork = settings.CreateNetwork();
        var expected = new List<(double[] Values, double[] Derivatives)>();
        var reference = new Trainer(expectedNetwork, settings.CreateDataset(), settings.LearningRate);
        reference.Train(settings.Epochs, new Hook(_ => expected.Add((EngineRun.Values(expectedNetwork), Derivatives(expectedNetwork)))));
        var network = settings.CreateNetwork();
        using var engine = new TapeEngine(replay);
        var trainer = new TapeTrainer(network, settings.CreateDataset(), settings.LearningRate, engine);

        for (var epoch = 0; epoch < settings.Epochs; epoch++)
        {
            trainer.TrainEpoch(new Hook(_ =>
            {
                trainer.UpdateModel();
                trainer.UpdateModel();
                var where = string.Create(CultureInfo.InvariantCulture, $"{replay}, epoch {epoch + 1}");
                BitAssert.Identical(expected[epoch].Values, EngineRun.Values(network), $"{where}, values");
                BitAssert.Identical(expected[epoch].Derivatives, Derivatives(network), $"{where}, derivatives");
            }));
        }
    }

    [Theory]
    [InlineData(TapeReplay.Interpreted)]
    [InlineData(TapeReplay.Tiered)]
    public void The_gradients_copied_in_the_hook_are_the_trainers_and_leave_the_model_alone(TapeReplay replay)
    {
        var settings = new TrainingSettings("xor", 20, 4, 0.5, 6, 3);
        var expectedNetwork = settings.CreateNetwork();
        var expected = new List<double[]>();
        new Trainer(expectedNetwork, settings.CreateDataset(), settings.LearningRate).Train(settings.Epochs, new Hook(_ => expected.Add(Derivatives(expectedNetwork))));
        var network = settings.CreateNetwork();
        var before = network.Parameters().Select(p => p.Value).ToArray();
        using var engine = new TapeEngine(replay);
        var trainer = new TapeTrainer(network, settings.CreateDataset(), settings.LearningRate, engine);
        var copied = new double?[before.Length];

        Assert.Throws<InvalidOperationException>(() => trainer.CopyGradients(copied));
        for (var epoch = 0; epoch < settings.Epochs; epoch++)
        {
            trainer.TrainEpoch(new Hook(_ => trainer.CopyGradients(copied)));
            BitAssert.Identical(expected[epoch], [.. copied.Select(g => g ?? double.NaN)], string.Create(CultureInfo.InvariantCulture, $"{replay}, epoch {epoch + 1}"));
        }

        Assert.Equal(before, network.Parameters().Select(p => p.Value));
    }

    [Fact]
    public void The_model_is_written_only_when_asked()
    {
        var settings = new TrainingSettings("diag", 10, 3, 0.5, 5, 4);
        var network = settings.CreateNetwork();
        using var engine = new TapeEngine(TapeReplay.Compiled);
        var trainer = new TapeTrainer(network, settings.CreateDataset(), settings.LearningRate, engine);
        var before = network.Parameters().Select(p => p.Value).ToArray();

        trainer.TrainEpoch();
        trainer.TrainEpoch();

        Assert.Equal(before, network.Parameters().Select(p => p.Value));
        trainer.UpdateModel();
        Assert.All(network.Parameters().Zip(before), pair => Assert.NotSame(pair.Second, pair.First.Value));
    }

    [Fact]
    public void A_parameter_without_a_gradient_keeps_its_scalar_and_no_derivative_as_with_the_trainer()
    {
        var data = Datasets.Diag(12, 5);
        var model = new OneWeight();
        var unused = model.Unused.Value;
        unused.AccumulateDerivative(1.0);
        using var engine = new TapeEngine(TapeReplay.Compiled);
        var trainer = new TapeTrainer(model, data, 0.5, engine);

        trainer.TrainEpoch(new Hook(_ => trainer.UpdateModel()));
        trainer.UpdateModel();

        Assert.Same(unused, model.Unused.Value);
        Assert.Null(unused.Derivative);
        Assert.Equal(0.5, unused.Data);
    }

    [Fact]
    public void An_epoch_whose_loss_is_not_finite_takes_no_step_as_with_the_trainer()
    {
        var settings = new TrainingSettings("xor", 20, 10, 1e300, 6, 1);
        var expectedNetwork = settings.CreateNetwork();
        var expected = new Trainer(expectedNetwork, settings.CreateDataset(), settings.LearningRate).Train(settings.Epochs);
        var network = settings.CreateNetwork();
        using var engine = new TapeEngine(TapeReplay.Compiled);
        var trainer = new TapeTrainer(network, settings.CreateDataset(), settings.LearningRate, engine);

        var reports = Enumerable.Range(0, expected.Epochs.Count).Select(_ => trainer.TrainEpoch()).ToList();
        trainer.UpdateModel();

        Assert.NotNull(expected.DivergedAtEpoch);
        Assert.Equal(expected.Epochs.Select(Bits), reports.Select(Bits));
        BitAssert.Identical(EngineRun.Values(expectedNetwork), EngineRun.Values(network), "parameters");
    }

    [Theory]
    [InlineData(TapeReplay.Compiled)]
    [InlineData(TapeReplay.Tiered)]
    public void An_epoch_with_its_step_allocates_nothing_once_compiled(TapeReplay replay)
    {
        var settings = TrainingSettings.Recommended("xor");
        using var engine = new TapeEngine(replay);
        var trainer = new TapeTrainer(settings.CreateNetwork(), settings.CreateDataset(), settings.LearningRate, engine);
        trainer.TrainEpoch();
        engine.WaitForCompilation();
        trainer.TrainEpoch();
        trainer.TrainEpoch();

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var epoch = 0; epoch < 20; epoch++)
        {
            trainer.TrainEpoch();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.NotNull(engine.CompiledFromEpoch);
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        var network = new Network(2, new SplitMix64(1));
        var data = Datasets.Simple(4, 1);
        using var engine = new TapeEngine();

        Assert.Throws<ArgumentOutOfRangeException>(() => new TapeTrainer(network, data, 0.0, engine));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TapeTrainer(network, data, double.NaN, engine));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TapeTrainer(network, new Dataset("none", [], []), 0.5, engine));
        Assert.Throws<ArgumentNullException>(() => new TapeTrainer(network, data, 0.5, null!));
    }

    private static (int, long, int) Bits(EpochReport report) => (report.Epoch, BitConverter.DoubleToInt64Bits(report.TotalLoss), report.Correct);

    /// <summary>Every parameter's derivative, NaN where a parameter has none.</summary>
    private static double[] Derivatives(Module model) => [.. model.Parameters().Select(p => p.Value.Derivative ?? double.NaN)];

    private sealed class Hook(Action<EpochReport> action) : IProgress<EpochReport>
    {
        public void Report(EpochReport value) => action(value);
    }
}
