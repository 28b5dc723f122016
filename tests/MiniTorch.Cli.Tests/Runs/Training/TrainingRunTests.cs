using MiniTorch.Runs;

namespace MiniTorch.Tests.Runs;

/// <summary>
/// Task 1.5 as the command and the sandbox run it: a plan trained epoch by epoch gives the library's trainer's numbers
/// bit for bit, whatever the engine, and a run knows when it is finished. Beyond MiniTorch: an epoch of batches is the
/// library's trainer on each batch in turn, L2 adds λ · w to the weights' gradients, the test points are measured before
/// the epoch's last step, and every engine still gives the same bits.
/// </summary>
[Trait("Task", "1.5")]
public sealed class TrainingRunTests
{
    private static readonly TrainingSettings Small = new("circle", 16, 3, 0.5, 12, 7);

    [Theory]
    [InlineData(TrainingEngines.Graph, false)]
    [InlineData(TrainingEngines.Tape, false)]
    [InlineData(TrainingEngines.Compiled, false)]
    [InlineData(TrainingEngines.Auto, false)]
    [InlineData(TrainingEngines.Graph, true)]
    [InlineData(TrainingEngines.Tape, true)]
    [InlineData(TrainingEngines.Compiled, true)]
    [InlineData(TrainingEngines.Auto, true)]
    public void Epochs_one_at_a_time_give_the_trainers_losses_and_parameters_bit_for_bit_with_or_without_a_stop_token(string engine, bool stoppable)
    {
        var network = Small.CreateNetwork();
        var expected = new Trainer(network, Small.CreateDataset(), Small.LearningRate).Train(Small.Epochs);
        using var stop = new CancellationTokenSource();

        using var run = new TrainingRun(TrainingPlan.Of(Small, engine), stoppable ? stop.Token : CancellationToken.None);
        while (!run.IsFinished)
        {
            run.TrainEpoch();
        }

        Assert.Equal(expected.Epochs.Select(e => (e.Epoch, BitConverter.DoubleToInt64Bits(e.TotalLoss), e.Correct)), run.Epochs.Select(e => (e.Epoch, BitConverter.DoubleToInt64Bits(e.TotalLoss), e.Correct)));
        BitAssert.Identical([.. network.Parameters().Select(p => p.Value.Data)], [.. run.Network.Parameters().Select(p => p.Value.Data)], "parameters");
    }

    [Theory]
    [InlineData(TrainingEngines.Tape)]
    [InlineData(TrainingEngines.Compiled)]
    [InlineData(TrainingEngines.Auto)]
    public void The_network_read_in_the_hook_holds_the_graph_engines_gradients_and_after_the_step_its_parameters(string engine)
    {
        using var graph = new TrainingRun(TrainingPlan.Of(Small, TrainingEngines.Graph));
        using var run = new TrainingRun(TrainingPlan.Of(Small, engine));
        while (!run.IsFinished)
        {
            double[] expected = [];
            double[] actual = [];
            graph.TrainEpoch(new Hook(_ => expected = Derivatives(graph.Network)));
            var report = run.TrainEpoch(new Hook(_ => actual = Derivatives(run.Network)));

            BitAssert.Identical(expected, actual, $"{engine}, epoch {report.Epoch}, gradients in the hook");
            BitAssert.Identical(Values(graph.Network), Values(run.Network), $"{engine}, epoch {report.Epoch}, parameters after the step");
        }
    }

    [Theory]
    [InlineData(TrainingEngines.Graph)]
    [InlineData(TrainingEngines.Tape)]
    [InlineData(TrainingEngines.Compiled)]
    [InlineData(TrainingEngines.Auto)]
    public void The_gradients_copied_in_the_hook_are_the_graph_engines(string engine)
    {
        using var graph = new TrainingRun(TrainingPlan.Of(Small, TrainingEngines.Graph));
        using var run = new TrainingRun(TrainingPlan.Of(Small, engine));
        var copied = new double?[graph.Network.Parameters().Count];
        while (!run.IsFinished)
        {
            double[] expected = [];
            graph.TrainEpoch(new Hook(_ => expected = Derivatives(graph.Network)));
            var report = run.TrainEpoch(new Hook(_ => run.CopyGradients(copied)));

            BitAssert.Identical(expected, [.. copied.Select(g => g ?? double.NaN)], $"{engine}, epoch {report.Epoch}");
        }
    }

    [Fact]
    public void The_hook_sees_each_epoch_before_its_step_and_a_finished_run_refuses_another_epoch()
    {
        using var run = new TrainingRun(TrainingPlan.Of(Small with { }, TrainingEngines.Graph));
        var seen = new List<int>();

        run.Train(new Hook(report => seen.Add(report.Epoch)));

        Assert.Equal(Enumerable.Range(1, Small.Epochs), seen);
        Assert.True(run.IsFinished);
        Assert.False(run.Diverged);
        Assert.Throws<InvalidOperationException>(() => run.TrainEpoch());
    }

    [Fact]
    public void A_run_that_diverges_is_finished_at_that_epoch()
    {
        using var run = new TrainingRun(TrainingPlan.Of(new TrainingSettings("xor", 20, 10, 1e300, 50, 1), TrainingEngines.Tape));

        run.Train();

        Assert.True(run.Diverged);
        Assert.True(run.IsFinished);
        Assert.True(run.Epochs.Count < 50);
    }

    [Fact]
    public void Cancellation_stops_between_epochs_and_keeps_the_epochs_done()
    {
        using var stop = new CancellationTokenSource();
        using var run = new TrainingRun(TrainingPlan.Of(Small, TrainingEngines.Tape));

        Assert.Throws<OperationCanceledException>(() => run.Train(new Hook(report => { if (report.Epoch == 3) stop.Cancel(); }), stop.Token));

        Assert.Equal(3, run.Epochs.Count);
        Assert.False(run.IsFinished);
    }

    [Theory]
    [InlineData(TrainingEngines.Graph)]
    [InlineData(TrainingEngines.Tape)]
    [InlineData(TrainingEngines.Compiled)]
    [InlineData(TrainingEngines.Auto)]
    public void An_epoch_of_batches_is_the_librarys_trainer_on_each_batch_in_turn(string engine)
    {
        var settings = Small with { Shape = new NetworkShape([4, 3], NetworkShape.Tanh), BatchSize = 5 };
        var plan = TrainingPlan.Of(settings, engine);
        var network = settings.CreateNetwork();
        var trainers = plan.Batches().Select(batch => new Trainer(network, batch, settings.LearningRate)).ToArray();

        using var run = new TrainingRun(plan);
        run.Train();

        Assert.Equal([5, 5, 5, 1], plan.Batches().Select(b => b.Count));
        for (var epoch = 0; epoch < settings.Epochs; epoch++)
        {
            var reports = trainers.Select(t => t.TrainEpoch()).ToArray();
            var loss = reports[0].TotalLoss;
            foreach (var report in reports.Skip(1))
            {
                loss += report.TotalLoss;
            }

            BitAssert.Identical(loss, run.Epochs[epoch].TotalLoss, $"loss of epoch {epoch + 1}");
            Assert.Equal(reports.Sum(r => r.Correct), run.Epochs[epoch].Correct);
        }

        BitAssert.Identical([.. network.Parameters().Select(p => p.Value.Data)], [.. run.Network.Parameters().Select(p => p.Value.Data)], "parameters");
    }

    [Fact]
    public void L2_moves_each_weight_by_rate_times_lambda_times_w_besides_its_gradient_and_leaves_the_biases()
    {
        const double lambda = 0.25;
        var settings = Small with { L2 = lambda };
        var network = settings.CreateNetwork();
        var before = network.NamedParameters().ToDictionary(p => p.Key, p => p.Value.Value.Data);
        var gradients = new Dictionary<string, double>();
        new ScalarEngine().RunEpoch(network, settings.CreateDataset());
        foreach (var (name, parameter) in network.NamedParameters())
        {
            gradients[name] = parameter.Value.Derivative!.Value;
        }

        using var run = new TrainingRun(TrainingPlan.Of(settings, TrainingEngines.Tape));
        run.TrainEpoch();

        foreach (var (name, parameter) in run.Network.NamedParameters())
        {
            var decay = name.Contains(".weight_", StringComparison.Ordinal) ? lambda * before[name] : 0.0;
            var expected = before[name] - (settings.LearningRate * (gradients[name] + decay));
            BitAssert.Identical(expected, parameter.Value.Data, name);
        }
    }

    [Fact]
    public void The_test_points_are_measured_with_the_parameters_of_the_epochs_measure_and_never_trained_on()
    {
        var settings = Small with { TestShare = 0.25 };
        var plan = TrainingPlan.Of(settings, TrainingEngines.Tape);
        var (train, test) = settings.CreateSplit();
        var untrained = settings.CreateNetwork();

        using var run = new TrainingRun(plan);
        run.TrainEpoch();

        Assert.Equal(train.Points, plan.Data.Points);
        Assert.Equal(4, test!.Count);
        var expected = 0.0;
        var correct = 0;
        for (var k = 0; k < test.Count; k++)
        {
            var output = untrained.Call([Scalar.Constant(test.Points[k].X1), Scalar.Constant(test.Points[k].X2)]);
            var prob = test.Labels[k] == 1 ? output : -output + 1.0;
            expected += (-prob.Log()).Data;
            correct += Predictions.IsCorrect(output.Data, test.Labels[k]) ? 1 : 0;
        }

        var measured = Assert.Single(run.Tests);
        BitAssert.Identical(expected, measured.TotalLoss, "test loss");
        Assert.Equal(correct, measured.Correct);
        Assert.Equal(Predictions.CountCorrect(untrained, train), run.Epochs[0].Correct);
    }

    [Fact]
    public void Every_engine_gives_the_same_bits_for_a_run_beyond_minitorch()
    {
        var settings = new TrainingSettings("spiral", 30, 5, 0.3, 15, 4)
        {
            Shape = new NetworkShape([6, 5, 4], NetworkShape.Sigmoid),
            BatchSize = 7,
            L2 = 0.01,
            Noise = 0.1,
            TestShare = 0.2,
        };

        (long[] Losses, long[] Tests, long[] Parameters) Train(string engine, int threads)
        {
            using var run = new TrainingRun(TrainingPlan.Of(settings, engine, threads));
            run.Train();
            return (
                [.. run.Epochs.Select(e => BitConverter.DoubleToInt64Bits(e.TotalLoss))],
                [.. run.Tests.Select(t => BitConverter.DoubleToInt64Bits(t.TotalLoss))],
                [.. run.Network.Parameters().Select(p => BitConverter.DoubleToInt64Bits(p.Value.Data))]);
        }

        var graph = Train(TrainingEngines.Graph, 1);
        Assert.Equal(15, graph.Tests.Length);
        foreach (var (engine, threads) in new[] { (TrainingEngines.Tape, 1), (TrainingEngines.Compiled, 1), (TrainingEngines.Auto, 1), (TrainingEngines.Tape, 3) })
        {
            var other = Train(engine, threads);
            Assert.Equal(graph.Losses, other.Losses);
            Assert.Equal(graph.Tests, other.Tests);
            Assert.Equal(graph.Parameters, other.Parameters);
        }
    }

    [Fact]
    public void Onward_epochs_go_past_the_planned_count_until_the_run_diverges()
    {
        using var run = new TrainingRun(TrainingPlan.Of(Small, TrainingEngines.Tape));
        run.Train();

        run.TrainEpochOnward();

        Assert.Equal(Small.Epochs + 1, run.Epochs.Count);
        Assert.Equal(Small.Epochs + 1, run.Epochs[^1].Epoch);
        Assert.True(run.IsFinished);
    }

    [Theory]
    [InlineData(TrainingEngines.Graph)]
    [InlineData(TrainingEngines.Tape)]
    [InlineData(TrainingEngines.Auto)]
    public void A_run_whose_token_is_cancelled_starts_no_epoch_and_keeps_the_epochs_done_and_the_network(string engine)
    {
        using var stop = new CancellationTokenSource();
        using var run = new TrainingRun(TrainingPlan.Of(Small, engine), stop.Token);
        run.TrainEpoch();
        run.TrainEpoch();
        var parameters = run.Network.Parameters().Select(p => p.Value.Data).ToArray();

        stop.Cancel();

        Assert.Throws<OperationCanceledException>(() => run.TrainEpoch());
        Assert.Equal(2, run.Epochs.Count);
        BitAssert.Identical(parameters, [.. run.Network.Parameters().Select(p => p.Value.Data)], "parameters");
    }

    [Fact]
    public void A_stoppable_model_cancelled_during_a_graph_epoch_ends_it_at_the_next_point()
    {
        using var stop = new CancellationTokenSource();
        var data = Small.CreateDataset();
        var calls = 0;
        var counted = new CountedModel(Small.CreateNetwork(), () =>
        {
            if (++calls == 3)
            {
                stop.Cancel();
            }
        });

        Assert.Throws<OperationCanceledException>(() => new ScalarEngine().RunEpoch(new StoppableModel(counted, stop.Token), data));

        Assert.Equal(3, calls);
        Assert.True(data.Count > 3);
    }

    [Fact]
    public void A_stoppable_model_has_the_parameters_of_the_model_it_wraps_in_their_order()
    {
        var network = Small.CreateNetwork();

        var wrapped = new StoppableModel(network, CancellationToken.None);

        Assert.Equal(network.Parameters(), wrapped.Parameters());
    }

    // The wrapped network, which reports each call before computing it.
    private sealed class CountedModel : Module<Scalar[], Scalar>
    {
        private readonly Module<Scalar[], Scalar> _network;
        private readonly Action _called;

        public CountedModel(Module<Scalar[], Scalar> network, Action called)
        {
            _network = AddModule("network", network);
            _called = called;
        }

        public override Scalar Forward(Scalar[] input)
        {
            _called();
            return _network.Call(input);
        }
    }

    private static double[] Derivatives(Module<Scalar[], Scalar> network) => [.. network.Parameters().Select(p => p.Value.Derivative ?? double.NaN)];

    private static double[] Values(Module<Scalar[], Scalar> network) => [.. network.Parameters().Select(p => p.Value.Data)];

    private sealed class Hook(Action<EpochReport> action) : IProgress<EpochReport>
    {
        public void Report(EpochReport value) => action(value);
    }
}
