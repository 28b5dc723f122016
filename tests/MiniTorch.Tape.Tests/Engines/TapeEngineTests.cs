using System.Globalization;

using MiniTorch.Runs;

namespace MiniTorch.Tests;

/// <summary>
/// Task 1.5 on the tape: <see cref="TapeEngine"/>, interpreted or compiled, trains exactly as <see cref="ScalarEngine"/>
/// does, bit for bit, and an epoch allocates nothing once the tapes are recorded (nor, compiled with in-place steps, a
/// whole epoch).
/// </summary>
[Trait("Task", "1.5")]
public sealed class TapeEngineTests
{
    private const int Epochs = 100;

    public static TheoryData<string> DatasetNames => [.. Datasets.Names];

    [Theory]
    [MemberData(nameof(DatasetNames))]
    public void Graph_tape_and_compiled_tape_give_the_same_losses_correct_counts_gradients_and_parameters_for_100_epochs(string dataset)
    {
        var settings = TrainingSettings.Recommended(dataset);
        var data = settings.CreateDataset();
        var graph = new EngineRun(settings, new ScalarEngine());
        var compiledEngine = new TapeEngine(TapeReplay.Compiled);
        EngineRun[] tapes = [new(settings, new TapeEngine()), new(settings, compiledEngine)];

        for (var epoch = 1; epoch <= Epochs; epoch++)
        {
            var expected = graph.Epoch(data);
            var expectedDerivatives = graph.Derivatives();
            graph.Step();
            foreach (var tape in tapes)
            {
                var actual = tape.Epoch(data);

                var where = string.Create(CultureInfo.InvariantCulture, $"{dataset}, {tape.Engine}, epoch {epoch}");
                Assert.Equal(Bits(expected.TotalLoss), Bits(actual.TotalLoss));
                Assert.True(expected.Correct == actual.Correct, $"{where}: correct {expected.Correct} against {actual.Correct}");
                BitAssert.Identical(expectedDerivatives, tape.Derivatives(), $"{where}, derivatives");
                tape.Step();
                BitAssert.Identical(graph.Values(), tape.Values(), $"{where}, parameters after the step");
            }
        }

        Assert.True(compiledEngine.CompiledSteps > 0, "the compiled engine interpreted its tapes");
    }

    [Fact]
    public void A_tape_too_long_to_pay_is_interpreted_by_the_compiled_engine_with_the_same_results()
    {
        var settings = new TrainingSettings("xor", 12, 20, 0.5, 3, 5);
        var data = settings.CreateDataset();
        var tape = new EngineRun(settings, new TapeEngine());
        var compiledEngine = new TapeEngine(TapeReplay.Compiled);
        var compiled = new EngineRun(settings, compiledEngine);

        for (var epoch = 0; epoch < settings.Epochs; epoch++)
        {
            Assert.Equal(Totals(tape.Epoch(data)), Totals(compiled.Epoch(data)));
            BitAssert.Identical(tape.Derivatives(), compiled.Derivatives(), "derivatives");
            tape.Step();
            compiled.Step();
        }

        Assert.Equal(0, compiledEngine.CompiledSteps);
        Assert.Equal(TimeSpan.Zero, compiledEngine.CompileTime);
    }

    [Fact]
    public void The_trainer_runs_either_engine_to_the_same_outcome()
    {
        var settings = new TrainingSettings("spiral", 30, 6, 0.5, 20, 3);
        var graphNetwork = TrainingSettings.CreateNetwork(settings.Hidden, settings.Seed);
        var tapeNetwork = TrainingSettings.CreateNetwork(settings.Hidden, settings.Seed);

        var graph = new Trainer(graphNetwork, settings.CreateDataset(), settings.LearningRate, new ScalarEngine()).Train(settings.Epochs);
        var tape = new Trainer(tapeNetwork, settings.CreateDataset(), settings.LearningRate, new TapeEngine()).Train(settings.Epochs);

        Assert.Equal(graph.Epochs.Select(e => (Bits(e.TotalLoss), e.Correct)), tape.Epochs.Select(e => (Bits(e.TotalLoss), e.Correct)));
        BitAssert.Identical(EngineRun.Values(graphNetwork), EngineRun.Values(tapeNetwork), "parameters");
    }

    [Fact]
    public void An_epoch_allocates_nothing_after_the_tapes_are_recorded()
    {
        var settings = TrainingSettings.Recommended("xor");
        using var run = new EngineRun(settings, new TapeEngine());

        Assert.Equal(0, run.BytesOfPassesAfterWarmUp(settings.CreateDataset()));
    }

    [Fact]
    public void A_compiled_epoch_allocates_nothing_after_the_tapes_are_compiled()
    {
        var settings = TrainingSettings.Recommended("xor");
        using var run = new EngineRun(settings, new TapeEngine(TapeReplay.Compiled));

        Assert.Equal(0, run.BytesOfPassesAfterWarmUp(settings.CreateDataset()));
    }

    [Fact]
    public void A_parameter_no_point_depends_on_keeps_no_derivative_as_in_the_graph_engine()
    {
        var data = Datasets.Diag(12, 5);
        var graph = new OneWeight();
        var tape = new OneWeight();

        new ScalarEngine().RunEpoch(graph, data);
        new TapeEngine().RunEpoch(tape, data);

        Assert.Null(graph.Unused.Value.Derivative);
        Assert.Null(tape.Unused.Value.Derivative);
        Assert.Equal(Bits(graph.Weight.Value.Derivative!.Value), Bits(tape.Weight.Value.Derivative!.Value));
    }

    [Fact]
    public void A_new_model_or_a_new_number_of_points_is_recorded_again()
    {
        var settings = new TrainingSettings("circle", 10, 3, 0.5, 1, 2);
        var engine = new TapeEngine();
        foreach (var (network, points) in new[] { (TrainingSettings.CreateNetwork(settings.Hidden, settings.Seed), 10), (new Network(4, new SplitMix64(9)), 10), (new Network(4, new SplitMix64(9)), 17) })
        {
            var data = Datasets.Circle(points, 4);
            var expected = new ScalarEngine().RunEpoch(network, data);
            var graphDerivatives = network.Parameters().Select(p => p.Value.Derivative!.Value).ToArray();
            foreach (var parameter in network.Parameters())
            {
                parameter.Value.ClearDerivative();
            }

            var actual = engine.RunEpoch(network, data);

            Assert.Equal((Bits(expected.TotalLoss), expected.Correct), (Bits(actual.TotalLoss), actual.Correct));
            BitAssert.Identical(graphDerivatives, [.. network.Parameters().Select(p => p.Value.Derivative!.Value)], "derivatives");
            var h = network.Hidden;
            Assert.Equal(data.Labels.Sum(label => NodesPerPoint(h, label)), engine.NodesPerEpoch(data));
        }
    }

    [Fact]
    public void A_leaf_that_is_not_a_parameter_is_named_when_recording()
    {
        var error = Assert.Throws<ArgumentException>(() => new TapeEngine().RunEpoch(new HiddenLeaf(), Datasets.Simple(4, 1)));

        Assert.Contains("leaf scalar hidden", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nodes_per_epoch_needs_an_epoch_first()
    {
        var data = Datasets.Xor(6, 1);
        Assert.Throws<InvalidOperationException>(() => new TapeEngine().NodesPerEpoch(data));
    }

    /// <summary>
    /// The nodes of one point's loss: a product and a sum per weight (2H + H² + H), a relu per hidden unit (2H), the
    /// sigmoid, log, negation and division by N; class 0 adds −out + 1.0.
    /// </summary>
    private static long NodesPerPoint(int h, int label) => (2 * ((2 * h) + (h * h) + h)) + (2 * h) + 4 + (label == 1 ? 0 : 2);

    private static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);

    private static (long, int) Totals(EpochTotals totals) => (Bits(totals.TotalLoss), totals.Correct);

    /// <summary>σ(x₀ · w), with a second parameter that the output never uses.</summary>
    private sealed class OneWeight : Module<Scalar[], Scalar>
    {
        public OneWeight()
        {
            Weight = AddParameter("weight", 0.75);
            Unused = AddParameter("unused", 0.5);
        }

        public Parameter Weight { get; }

        public Parameter Unused { get; }

        public override Scalar Forward(Scalar[] input) => (input[0] * Weight.Value).Sigmoid();
    }

    /// <summary>A model that uses a leaf of its own instead of a constant or a parameter.</summary>
    private sealed class HiddenLeaf : Module<Scalar[], Scalar>
    {
        private readonly Scalar _hidden = new(0.5, "hidden");

        public override Scalar Forward(Scalar[] input) => (input[0] * _hidden).Sigmoid();
    }
}
