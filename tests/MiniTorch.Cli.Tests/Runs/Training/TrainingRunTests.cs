using MiniTorch.Runs;

namespace MiniTorch.Tests.Runs;

/// <summary>
/// Task 1.5 as the command and the sandbox run it: a plan trained epoch by epoch gives the library's trainer's numbers
/// bit for bit, whatever the engine, and a run knows when it is finished.
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
        private readonly Network _network;
        private readonly Action _called;

        public CountedModel(Network network, Action called)
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

    private static double[] Derivatives(Network network) => [.. network.Parameters().Select(p => p.Value.Derivative ?? double.NaN)];

    private static double[] Values(Network network) => [.. network.Parameters().Select(p => p.Value.Data)];

    private sealed class Hook(Action<EpochReport> action) : IProgress<EpochReport>
    {
        public void Report(EpochReport value) => action(value);
    }
}
