using System.Globalization;
using CsCheck;

using MiniTorch.Runs;

namespace MiniTorch.Tests;

/// <summary>
/// Task 1.5 on the tape: <see cref="TapeEngine"/>, interpreted, compiled for 1, 2, 4 or 8 points per replay, or tiered
/// (switching to compiled code at any epoch), trains exactly as <see cref="ScalarEngine"/> does, bit for bit, on every
/// dataset, on random networks and on random models over every built-in function; wide networks are compiled too; an
/// epoch allocates nothing once the tapes are recorded (and compiled).
/// </summary>
[Trait("Task", "1.5")]
public sealed class TapeEngineTests
{
    private const int Epochs = 100;

    /// <summary>A processor with every vector, so that tests reach every width (the JIT computes unaccelerated ones lane by lane, with the same bits).</summary>
    private static readonly VectorHardware Vectors = new(true, true, true);

    public static TheoryData<string> DatasetNames => [.. Datasets.Names];

    [Theory]
    [MemberData(nameof(DatasetNames))]
    public void Graph_tape_compiled_tape_in_every_width_and_tiered_give_the_same_losses_correct_counts_gradients_and_parameters_for_100_epochs(string dataset)
    {
        const int switchEpoch = 10;
        var settings = TrainingSettings.Recommended(dataset);
        var data = settings.CreateDataset();
        var graph = new EngineRun(settings, new ScalarEngine());
        using var ready = new ManualResetEventSlim();
        var tiered = new TapeEngine(TapeReplay.Tiered, TapeEngine.DefaultMaxLanes, VectorHardware.Current, cancel => ready.Wait(cancel));
        var compiled = CompiledEngines();
        EngineRun[] tapes = [new(settings, new TapeEngine()), .. compiled.Select(engine => new EngineRun(settings, engine)), new(settings, tiered)];
        try
        {
            for (var epoch = 1; epoch <= Epochs; epoch++)
            {
                if (epoch == switchEpoch)
                {
                    ready.Set();
                    tiered.WaitForCompilation();
                }

                var expected = graph.Epoch(data);
                var expectedDerivatives = graph.Derivatives();
                graph.Step();
                foreach (var tape in tapes)
                {
                    var actual = tape.Epoch(data);
                    var where = Where(dataset, (TapeEngine)tape.Engine, epoch);
                    Assert.True(Totals(expected) == Totals(actual), $"{where}: totals {expected} against {actual}");
                    BitAssert.Identical(expectedDerivatives, tape.Derivatives(), $"{where}, derivatives");
                    tape.Step();
                    BitAssert.Identical(graph.Values(), tape.Values(), $"{where}, parameters after the step");
                }
            }

            Assert.All(compiled, engine => Assert.Equal(1, engine.CompiledFromEpoch));
            Assert.Equal([1, 2, 4, 8], compiled.Select(engine => engine.Lanes));
            Assert.Equal(switchEpoch, tiered.CompiledFromEpoch);
        }
        finally
        {
            foreach (var tape in tapes)
            {
                tape.Dispose();
            }
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(17)]
    public void Tiered_compilation_gives_the_graph_engines_bits_whichever_epoch_it_switches_at(int switchEpoch)
    {
        var settings = TrainingSettings.Recommended("circle");
        var data = settings.CreateDataset();
        var graph = new EngineRun(settings, new ScalarEngine());
        using var ready = new ManualResetEventSlim();
        var engine = new TapeEngine(TapeReplay.Tiered, TapeEngine.DefaultMaxLanes, VectorHardware.Current, cancel => ready.Wait(cancel));
        using var tiered = new EngineRun(settings, engine);
        for (var epoch = 1; epoch <= 30; epoch++)
        {
            if (epoch == switchEpoch)
            {
                ready.Set();
                engine.WaitForCompilation();
            }

            Assert.Equal(Totals(graph.Epoch(data)), Totals(tiered.Epoch(data)));
            BitAssert.Identical(graph.Derivatives(), tiered.Derivatives(), $"epoch {epoch}, derivatives");
            graph.Step();
            tiered.Step();
            Assert.Equal(epoch < switchEpoch ? null : switchEpoch, engine.CompiledFromEpoch);
        }

        BitAssert.Identical(graph.Values(), tiered.Values(), "parameters");
        Assert.True(engine.CompiledSteps > 0, "no compiled code");
    }

    [Fact]
    public void Random_networks_train_alike_on_the_graph_and_compiled_in_every_width() =>
        Gen.Select(Gen.Int[0, Datasets.Names.Count - 1], Gen.Int[2, 25], Gen.Int[1, 8], Gen.ULong, Gen.Int[0, 3]).Sample(
            (dataset, points, hidden, seed, width) =>
            {
                var settings = new TrainingSettings(Datasets.Names[dataset], points, hidden, 0.5, 4, seed);
                CompareWithGraph(settings.CreateDataset(), settings.CreateNetwork, new TapeEngine(TapeReplay.Compiled, 1 << width, Vectors), 4);
            },
            iter: 25);

    [Fact]
    public void Random_models_over_every_built_in_function_train_alike_on_the_graph_and_compiled_in_every_width() =>
        Gen.Select(RandomPrograms.Instructions(withUserFunction: false).Array[1, 30], Gen.Int[1, 4], Gen.Int[0, 3], Gen.ULong).Sample(
            (program, parameters, width, seed) =>
            {
                var data = Datasets.Split(9, seed);
                CompareWithGraph(data, () => new RandomModel(program, parameters, seed), new TapeEngine(TapeReplay.Compiled, 1 << width, Vectors), 3);
            },
            iter: 150);

    [Fact]
    public void A_user_defined_function_in_the_model_is_compiled_for_one_point_at_a_time_with_the_same_results()
    {
        var engine = new TapeEngine(TapeReplay.Compiled);
        CompareWithGraph(Datasets.Diag(10, 3), () => new WithUserFunction(), engine, 3);

        Assert.True(engine.CompiledSteps > 0, "no compiled code");
    }

    [Fact]
    public void A_wide_network_is_compiled_in_loops_in_every_width_and_tiered_with_the_graph_engines_results()
    {
        var settings = new TrainingSettings("xor", 3, 200, 0.5, 3, 5);
        var data = settings.CreateDataset();
        using var graph = new EngineRun(settings, new ScalarEngine());
        using var ready = new ManualResetEventSlim();
        var tiered = new TapeEngine(TapeReplay.Tiered, TapeEngine.DefaultMaxLanes, VectorHardware.Current, cancel => ready.Wait(cancel));
        TapeEngine[] engines = [.. CompiledEngines(), tiered];
        var runs = engines.Select(engine => new EngineRun(settings, engine)).ToArray();
        try
        {
            for (var epoch = 1; epoch <= settings.Epochs; epoch++)
            {
                if (epoch == 2)
                {
                    ready.Set();
                    tiered.WaitForCompilation();
                }

                var expected = Totals(graph.Epoch(data));
                var expectedDerivatives = graph.Derivatives();
                graph.Step();
                foreach (var run in runs)
                {
                    var where = Where(data.Name, (TapeEngine)run.Engine, epoch);
                    Assert.Equal(expected, Totals(run.Epoch(data)));
                    BitAssert.Identical(expectedDerivatives, run.Derivatives(), $"{where}, derivatives");
                    run.Step();
                }
            }

            Assert.All(engines, engine => Assert.True(engine.CompiledSteps > 40_000, $"the wide network was interpreted in {engine.Lanes} lane(s)"));
            Assert.Equal(2, tiered.CompiledFromEpoch);
        }
        finally
        {
            foreach (var run in runs)
            {
                run.Dispose();
            }
        }
    }

    [Fact]
    public void A_long_model_without_regular_steps_is_interpreted_by_the_compiled_engine_with_the_same_results()
    {
        var data = Datasets.Simple(6, 2);
        var engine = new TapeEngine(TapeReplay.Compiled);
        CompareWithGraph(data, () => new LongChain(), engine, 2);

        Assert.Equal(0, engine.CompiledSteps);
        Assert.Null(engine.CompiledFromEpoch);
    }

    [Fact]
    public void A_class_that_appears_later_is_recorded_and_compiled_with_the_same_results()
    {
        var network = new Network(3, new SplitMix64(4));
        var reference = new Network(3, new SplitMix64(4));
        var both = Datasets.Xor(12, 6);
        var ones = new Dataset("ones", [.. both.Points], [.. both.Labels.Select(_ => 1)]);
        foreach (var replay in new[] { TapeReplay.Compiled, TapeReplay.Tiered })
        {
            using var engine = new TapeEngine(replay);
            foreach (var data in new[] { ones, both, both })
            {
                engine.WaitForCompilation();
                var expected = new ScalarEngine().RunEpoch(reference, data);
                var expectedDerivatives = Derivatives(reference);
                Clear(reference);
                var actual = engine.RunEpoch(network, data);

                Assert.Equal(Totals(expected), Totals(actual));
                BitAssert.Identical(expectedDerivatives, Derivatives(network), $"{replay}, derivatives");
                Clear(network);
            }

            Assert.NotNull(engine.CompiledFromEpoch);
        }
    }

    [Fact]
    public void The_trainer_runs_either_engine_to_the_same_outcome()
    {
        var settings = new TrainingSettings("spiral", 30, 6, 0.5, 20, 3);
        var graphNetwork = TrainingSettings.CreateNetwork(settings.Hidden, settings.Seed);
        var tapeNetwork = TrainingSettings.CreateNetwork(settings.Hidden, settings.Seed);

        var graph = new Trainer(graphNetwork, settings.CreateDataset(), settings.LearningRate, new ScalarEngine()).Train(settings.Epochs);
        using var engine = new TapeEngine(TapeReplay.Compiled);
        var tape = new Trainer(tapeNetwork, settings.CreateDataset(), settings.LearningRate, engine).Train(settings.Epochs);

        Assert.Equal(graph.Epochs.Select(e => (Bits(e.TotalLoss), e.Correct)), tape.Epochs.Select(e => (Bits(e.TotalLoss), e.Correct)));
        BitAssert.Identical(EngineRun.Values(graphNetwork), EngineRun.Values(tapeNetwork), "parameters");
    }

    [Theory]
    [InlineData(TapeReplay.Interpreted)]
    [InlineData(TapeReplay.Compiled)]
    [InlineData(TapeReplay.Tiered)]
    public void An_epoch_allocates_nothing_after_the_tapes_are_recorded_and_compiled(TapeReplay replay)
    {
        var settings = TrainingSettings.Recommended("xor");
        var engine = new TapeEngine(replay);
        using var run = new EngineRun(settings, engine);
        run.Epoch(settings.CreateDataset());
        engine.WaitForCompilation();

        Assert.Equal(0, run.BytesOfPassesAfterWarmUp(settings.CreateDataset()));
        Assert.Equal(replay == TapeReplay.Interpreted ? null : replay == TapeReplay.Compiled ? 1 : 2, engine.CompiledFromEpoch);
    }

    [Fact]
    public void Disposing_a_tiered_engine_cancels_a_compilation_still_running_and_ends_the_engine()
    {
        var settings = TrainingSettings.Recommended("xor");
        using var started = new ManualResetEventSlim();
        using var never = new ManualResetEventSlim();
        var cancelled = false;
        var engine = new TapeEngine(TapeReplay.Tiered, TapeEngine.DefaultMaxLanes, VectorHardware.Current, cancel =>
        {
            using var whenCancelled = cancel.Register(() => cancelled = true);
            started.Set();
            never.Wait(cancel);
        });
        var network = settings.CreateNetwork();
        for (var epoch = 0; epoch < 5; epoch++)
        {
            engine.RunEpoch(network, settings.CreateDataset());
        }

        started.Wait();
        Assert.True(engine.IsCompiling);
        Assert.Null(engine.CompiledFromEpoch);

        engine.Dispose();

        Assert.True(cancelled, "the compilation was not cancelled");
        Assert.False(engine.IsCompiling);
        Assert.Throws<ObjectDisposedException>(() => engine.RunEpoch(network, settings.CreateDataset()));
    }

    [Fact]
    public void Without_vector_hardware_compiled_code_replays_one_point_at_a_time()
    {
        Assert.Equal(1, new TapeEngine(TapeReplay.Compiled, 8, VectorHardware.None).Lanes);
        Assert.Equal(2, new TapeEngine(TapeReplay.Compiled, 8, new VectorHardware(true, false, false)).Lanes);
        Assert.Equal(4, new TapeEngine(TapeReplay.Compiled, 4, Vectors).Lanes);
        Assert.Equal(1, new TapeEngine(TapeReplay.Compiled, 1, Vectors).Lanes);
        Assert.Throws<ArgumentOutOfRangeException>(() => new TapeEngine(TapeReplay.Compiled, 0));
    }

    [Fact]
    public void A_parameter_no_point_depends_on_keeps_no_derivative_as_in_the_graph_engine()
    {
        var data = Datasets.Diag(12, 5);
        foreach (var replay in Enum.GetValues<TapeReplay>())
        {
            var graph = new OneWeight();
            var tape = new OneWeight();
            using var engine = new TapeEngine(replay);

            new ScalarEngine().RunEpoch(graph, data);
            engine.RunEpoch(tape, data);

            Assert.Null(graph.Unused.Value.Derivative);
            Assert.Null(tape.Unused.Value.Derivative);
            Assert.Equal(Bits(graph.Weight.Value.Derivative!.Value), Bits(tape.Weight.Value.Derivative!.Value));
        }
    }

    [Fact]
    public void A_new_model_or_a_new_number_of_points_is_recorded_again()
    {
        var settings = new TrainingSettings("circle", 10, 3, 0.5, 1, 2);
        using var engine = new TapeEngine(TapeReplay.Compiled);
        foreach (var (network, points) in new[] { (TrainingSettings.CreateNetwork(settings.Hidden, settings.Seed), 10), (new Network(4, new SplitMix64(9)), 10), (new Network(4, new SplitMix64(9)), 17) })
        {
            var data = Datasets.Circle(points, 4);
            var expected = new ScalarEngine().RunEpoch(network, data);
            var graphDerivatives = Derivatives(network);
            Clear(network);

            var actual = engine.RunEpoch(network, data);

            Assert.Equal((Bits(expected.TotalLoss), expected.Correct), (Bits(actual.TotalLoss), actual.Correct));
            BitAssert.Identical(graphDerivatives, Derivatives(network), "derivatives");
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

    /// <summary>The engines compiled in the first epoch: for 1 point (no vectors), then 2, 4 and 8 points per replay.</summary>
    private static TapeEngine[] CompiledEngines() =>
    [
        new(TapeReplay.Compiled, 8, VectorHardware.None),
        .. LaneVector.Widths.Select(lanes => new TapeEngine(TapeReplay.Compiled, lanes, Vectors)),
    ];

    // Trains a fresh model from `create` on the graph engine and with `engine`, comparing every epoch.
    private static void CompareWithGraph(Dataset data, Func<Module<Scalar[], Scalar>> create, TapeEngine engine, int epochs)
    {
        using (engine)
        {
            var graphModel = create();
            var tapeModel = create();
            var graphSgd = new Sgd(graphModel.Parameters(), 0.5);
            var tapeSgd = new Sgd(tapeModel.Parameters(), 0.5);
            for (var epoch = 1; epoch <= epochs; epoch++)
            {
                graphSgd.ZeroGrad();
                tapeSgd.ZeroGrad();
                var expected = new ScalarEngine().RunEpoch(graphModel, data);
                var actual = engine.RunEpoch(tapeModel, data);
                var where = Where(data.Name, engine, epoch);
                Assert.True(Totals(expected) == Totals(actual) || (double.IsNaN(expected.TotalLoss) && double.IsNaN(actual.TotalLoss)), $"{where}: totals {expected} against {actual}");
                BitAssert.Identical(Derivatives(graphModel), Derivatives(tapeModel), $"{where}, derivatives");
                graphSgd.Step();
                tapeSgd.Step();
            }

            BitAssert.Identical(EngineRun.Values(graphModel), EngineRun.Values(tapeModel), "parameters");
        }
    }

    private static string Where(string dataset, TapeEngine engine, int epoch) =>
        string.Create(CultureInfo.InvariantCulture, $"{dataset}, {engine.Replay} in {engine.Lanes} lane(s), epoch {epoch}");

    /// <summary>
    /// The nodes of one point's loss: a product and a sum per weight (2H + H² + H), a relu per hidden unit (2H), the
    /// sigmoid, log, negation and division by N; class 0 adds −out + 1.0.
    /// </summary>
    private static long NodesPerPoint(int h, int label) => (2 * ((2 * h) + (h * h) + h)) + (2 * h) + 4 + (label == 1 ? 0 : 2);

    private static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);

    private static (long, int) Totals(EpochTotals totals) => (Bits(totals.TotalLoss), totals.Correct);

    /// <summary>Every parameter's derivative, NaN where a parameter has none.</summary>
    private static double[] Derivatives(Module model) => [.. model.Parameters().Select(p => p.Value.Derivative ?? double.NaN)];

    private static void Clear(Module model)
    {
        foreach (var parameter in model.Parameters())
        {
            parameter.Value.ClearDerivative();
        }
    }

    /// <summary>A model that uses a leaf of its own instead of a constant or a parameter.</summary>
    private sealed class HiddenLeaf : Module<Scalar[], Scalar>
    {
        private readonly Scalar _hidden = new(0.5, "hidden");

        public override Scalar Forward(Scalar[] input) => (input[0] * _hidden).Sigmoid();
    }

    /// <summary>σ of a random program over x₀, x₁ and a few parameters (<see cref="RandomPrograms"/>).</summary>
    private sealed class RandomModel : Module<Scalar[], Scalar>
    {
        private readonly RandomPrograms.Instruction[] _program;
        private readonly Parameter[] _parameters;

        public RandomModel(RandomPrograms.Instruction[] program, int parameters, ulong seed)
        {
            _program = program;
            var random = new SplitMix64(seed);
            _parameters = [.. Enumerable.Range(0, parameters).Select(p => AddParameter(string.Create(CultureInfo.InvariantCulture, $"p{p}"), random.NextDouble(-1.0, 1.0)))];
        }

        public override Scalar Forward(Scalar[] input)
        {
            List<Scalar> pool = [.. input, .. _parameters.Select(p => p.Value)];
            RandomPrograms.Run(_program, pool);
            return pool[^1].Sigmoid();
        }
    }

    /// <summary>σ(MulAdd(x₀, w, x₁)), through a user-defined function.</summary>
    private sealed class WithUserFunction : Module<Scalar[], Scalar>
    {
        private readonly Parameter _weight;

        public WithUserFunction() => _weight = AddParameter("weight", -0.5);

        public override Scalar Forward(Scalar[] input) => Scalar.Apply<MulAdd>(input[0], _weight.Value, input[1]).Sigmoid();
    }

    /// <summary>A chain of 600 steps that changes operation at every step: nothing for a loop to take.</summary>
    private sealed class LongChain : Module<Scalar[], Scalar>
    {
        private readonly Parameter _weight;

        public LongChain() => _weight = AddParameter("weight", 0.25);

        public override Scalar Forward(Scalar[] input)
        {
            var y = input[0];
            for (var n = 0; n < 150; n++)
            {
                y = ((y * _weight.Value).Sigmoid() + input[1]).Relu() * 0.5;
            }

            return y.Sigmoid();
        }
    }
}
