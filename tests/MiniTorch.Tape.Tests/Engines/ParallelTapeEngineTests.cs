using System.Globalization;
using CsCheck;

using MiniTorch.Runs;

namespace MiniTorch.Tests;

/// <summary>
/// Task 1.5 on several threads: <see cref="ParallelTapeEngine"/> trains exactly as <see cref="TapeEngine"/> and
/// <see cref="ScalarEngine"/> do, bit for bit, whatever the number of threads, and an epoch allocates nothing once
/// the tapes are recorded.
/// </summary>
[Trait("Task", "1.5")]
public sealed class ParallelTapeEngineTests
{
    private const int Epochs = 60;

    public static TheoryData<string> DatasetNames => [.. Datasets.Names];

    [Theory]
    [MemberData(nameof(DatasetNames))]
    public void One_to_four_threads_interpreted_and_one_or_two_compiled_give_the_losses_correct_counts_gradients_and_parameters_of_both_engines_for_60_epochs(string dataset)
    {
        var settings = TrainingSettings.Recommended(dataset);
        var data = settings.CreateDataset();
        var graph = new EngineRun(settings, new ScalarEngine());
        var tape = new EngineRun(settings, new TapeEngine());
        var parallel = Enumerable.Range(1, 4)
            .Select(threads => new EngineRun(settings, new ParallelTapeEngine(threads)))
            .Concat(Enumerable.Range(1, 2).Select(threads => new EngineRun(settings, new ParallelTapeEngine(threads, TapeReplay.Compiled))))
            .ToArray();
        try
        {
            for (var epoch = 1; epoch <= Epochs; epoch++)
            {
                var expected = graph.Epoch(data);
                Assert.Equal(Totals(expected), Totals(tape.Epoch(data)));
                foreach (var run in parallel)
                {
                    var engine = (ParallelTapeEngine)run.Engine;
                    var where = string.Create(CultureInfo.InvariantCulture, $"{dataset}, epoch {epoch}, {engine.Threads} thread(s), {engine.Replay}");
                    Assert.True(Totals(expected) == Totals(run.Epoch(data)), $"{where}: totals");
                    BitAssert.Identical(graph.Derivatives(), run.Derivatives(), $"{where}, derivatives");
                }

                foreach (var run in parallel.Append(graph).Append(tape))
                {
                    run.Step();
                }

                foreach (var run in parallel.Append(tape))
                {
                    BitAssert.Identical(graph.Values(), run.Values(), string.Create(CultureInfo.InvariantCulture, $"{dataset}, epoch {epoch}, parameters after the step"));
                }
            }
        }
        finally
        {
            foreach (var run in parallel)
            {
                run.Dispose();
            }
        }
    }

    [Fact]
    public void Any_number_of_points_and_threads_gives_the_tape_engines_results()
    {
        var cases =
            from dataset in Gen.Int[0, Datasets.Names.Count - 1]
            from points in Gen.Int[1, 23]
            from threads in Gen.Int[1, 9]
            from hidden in Gen.Int[1, 4]
            from seed in Gen.ULong[1, 1000]
            select (dataset, points, threads, hidden, seed);

        cases.Sample(
            c =>
            {
                var settings = new TrainingSettings(Datasets.Names[c.dataset], c.points, c.hidden, 0.5, 3, c.seed);
                var data = settings.CreateDataset();
                var tape = new EngineRun(settings, new TapeEngine());
                using var parallel = new EngineRun(settings, new ParallelTapeEngine(c.threads));
                for (var epoch = 0; epoch < settings.Epochs; epoch++)
                {
                    Assert.Equal(Totals(tape.Epoch(data)), Totals(parallel.Epoch(data)));
                    BitAssert.Identical(tape.Derivatives(), parallel.Derivatives(), "derivatives");
                    tape.Step();
                    parallel.Step();
                }
            },
            iter: 60);
    }

    [Theory]
    [InlineData(1, 64)]
    [InlineData(3, 4)]
    [InlineData(7, 2)]
    [InlineData(49, 3)]
    public void Odd_point_counts_and_more_threads_than_points_match_the_tape_engine(int points, int threads)
    {
        var settings = new TrainingSettings("circle", points, 5, 0.5, 10, 4);
        var data = settings.CreateDataset();
        var tape = new EngineRun(settings, new TapeEngine());
        using var parallel = new EngineRun(settings, new ParallelTapeEngine(threads));

        for (var epoch = 0; epoch < settings.Epochs; epoch++)
        {
            Assert.Equal(Totals(tape.Epoch(data)), Totals(parallel.Epoch(data)));
            tape.Step();
            parallel.Step();
        }

        BitAssert.Identical(tape.Values(), parallel.Values(), "parameters");
    }

    [Fact]
    public void Many_points_go_in_rounds_with_the_same_results()
    {
        var settings = new TrainingSettings("split", 1500, 40, 0.5, 2, 6);
        var data = settings.CreateDataset();
        var tape = new EngineRun(settings, new TapeEngine());
        using var parallel = new EngineRun(settings, new ParallelTapeEngine(3));

        for (var epoch = 0; epoch < settings.Epochs; epoch++)
        {
            Assert.Equal(Totals(tape.Epoch(data)), Totals(parallel.Epoch(data)));
            tape.Step();
            parallel.Step();
        }

        BitAssert.Identical(tape.Values(), parallel.Values(), "parameters");
        Assert.InRange(((ParallelTapeEngine)parallel.Engine).RoundSize, 3, (data.Count / 3) - 1);
    }

    [Fact]
    public void The_trainer_runs_two_threads_to_the_graph_engines_outcome()
    {
        var settings = new TrainingSettings("xor", 31, 6, 0.5, 25, 3);
        var graphNetwork = TrainingSettings.CreateNetwork(settings.Hidden, settings.Seed);
        var parallelNetwork = TrainingSettings.CreateNetwork(settings.Hidden, settings.Seed);
        using var engine = new ParallelTapeEngine(2);

        var graph = new Trainer(graphNetwork, settings.CreateDataset(), settings.LearningRate, new ScalarEngine()).Train(settings.Epochs);
        var parallel = new Trainer(parallelNetwork, settings.CreateDataset(), settings.LearningRate, engine).Train(settings.Epochs);

        Assert.Equal(graph.Epochs.Select(e => (Bits(e.TotalLoss), e.Correct)), parallel.Epochs.Select(e => (Bits(e.TotalLoss), e.Correct)));
        BitAssert.Identical(EngineRun.Values(graphNetwork), EngineRun.Values(parallelNetwork), "parameters");
    }

    [Fact]
    public void A_compiled_epoch_allocates_nothing_on_the_calling_thread()
    {
        var settings = TrainingSettings.Recommended("xor");
        using var run = new EngineRun(settings, new ParallelTapeEngine(2, TapeReplay.Compiled));

        Assert.Equal(0, run.BytesOfPassesAfterWarmUp(settings.CreateDataset()));
    }

    [Fact]
    public void An_epoch_allocates_nothing_on_the_calling_thread_after_the_tapes_are_recorded()
    {
        var settings = TrainingSettings.Recommended("xor");
        using var run = new EngineRun(settings, new ParallelTapeEngine(2));

        Assert.Equal(0, run.BytesOfPassesAfterWarmUp(settings.CreateDataset()));
    }

    [Fact]
    public void An_exception_on_a_worker_thread_surfaces_on_the_calling_thread_and_the_engine_keeps_working()
    {
        var points = new[] { new DataPoint(0.1, 0.2), new DataPoint(0.3, 0.4), new DataPoint(0.5, 0.6), new DataPoint(0.7, 0.8) };
        var bad = new Dataset("guarded", points, [1, 1, 1, 1]);
        var good = new Dataset("guarded", points[..3].Append(new DataPoint(0.4, 0.8)), [1, 1, 1, 1]);
        var model = new Guarded();
        using var engine = new ParallelTapeEngine(4);

        var error = Assert.Throws<InvalidOperationException>(() => engine.RunEpoch(model, bad));

        Assert.Contains("0.7", error.Message, StringComparison.Ordinal);
        Assert.Contains("Guard.Forward", error.StackTrace, StringComparison.Ordinal);
        Assert.Equal(4, engine.RunEpoch(model, good).Correct);
    }

    [Fact]
    public void A_disposed_engine_refuses_to_run_and_may_be_disposed_again()
    {
        var engine = new ParallelTapeEngine(3);
        engine.Dispose();
        engine.Dispose();

        Assert.Throws<ObjectDisposedException>(() => engine.RunEpoch(new Network(2, new SplitMix64(1)), Datasets.Xor(4, 1)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(ParallelTapeEngine.MaxThreads + 1)]
    public void Thread_counts_outside_1_to_64_are_refused(int threads) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParallelTapeEngine(threads));

    private static (long Loss, int Correct) Totals(EpochTotals totals) => (Bits(totals.TotalLoss), totals.Correct);

    private static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);

    /// <summary>σ(guard(x₀) · w): the guard throws for x₀ above 0.65, so only a replay of the last point fails.</summary>
    private sealed class Guarded : Module<Scalar[], Scalar>
    {
        private readonly Parameter _weight;

        public Guarded() => _weight = AddParameter("weight", 0.5);

        public override Scalar Forward(Scalar[] input) => (Scalar.Apply<Guard>(input[0]) * _weight.Value).Sigmoid();
    }

    /// <summary>The identity, refusing inputs above 0.65.</summary>
    private readonly struct Guard : IScalarFunction
    {
        public static string Name => "Guard";

        public static int Arity => 1;

        public static double Forward(Context ctx, ReadOnlySpan<double> inputs) =>
            inputs[0] <= 0.65
                ? inputs[0]
                : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"guard refuses {inputs[0]:R}"));

        public static void Backward(Context ctx, double dOutput, Span<double> dInputs) => dInputs[0] = dOutput;
    }
}
