using System.Diagnostics;
using System.Globalization;

using MiniTorch.Runs;

namespace MiniTorch.Cli.Commands;

/// <summary>
/// Times the standard workload (performance.md: Xor, 50 points, hidden 10, rate 0.5, seed 1) with the hand-written
/// baseline, the graph engine, the tape engine, the tape compiled for one point and for several points per replay, and
/// the default tiered engine (and, when asked, the tape engine on several threads), in one process, from identical
/// initial weights; then a wide network (Xor, 150 points, hidden 200) epoch by epoch.
/// </summary>
/// <remarks>
/// Each engine first trains untimed until its epochs stop getting faster (the JIT has optimised the hot code); then the
/// timed samples take turns, baseline, graph, tape, …, baseline, …, so that a slow spell of a shared machine hits all
/// alike. A sample times whole runs, each from a fresh network (and a fresh engine, so the tape engines record, and compile, in their
/// first epoch), until they add up to <see cref="BenchTiming.MinSampleTime"/>, and keeps their mean: a run of the baseline is some
/// thirty times shorter than one of the graph engine, and the machine slows down in bursts, so a lone short run is more
/// often a quick one than a long run is; timing every engine over a similar stretch compares like with like. The ratio
/// to the baseline is the median of the ratios within each turn, which cancels the drifts of the machine's speed that
/// the medians of the times alone keep. Runs are timed with <see cref="Stopwatch"/>; their allocations are read with
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/>, the SGD steps' part separately. A full garbage collection before
/// each sample keeps one engine's garbage out of another's time.
/// </remarks>
internal static class BenchMeasurement
{
    /// <summary>The points of the wide network's data.</summary>
    public const int WidePoints = 150;

    /// <summary>The wide network's hidden width.</summary>
    public const int WideHidden = 200;

    private const int RoundEpochs = 10;

    private const int CalmRounds = 5;

    // Bounds a sample of very short runs (a few epochs), whose fresh networks would otherwise take most of the time.
    private const int MaxSampleRuns = 200;

    /// <summary>Runs the bench.</summary>
    /// <param name="epochs">The epochs of one run, at least 1.</param>
    /// <param name="repeat">The turns: timed samples per engine, at least 1.</param>
    /// <param name="threads">Above 1, a last row times <see cref="ParallelTapeEngine"/> on this many threads.</param>
    /// <param name="timing">How long to warm up and to time each sample; <see cref="BenchTiming.Standard"/> for the command.</param>
    /// <param name="report">The figures, when the engines agree.</param>
    /// <returns>What disagrees (see <see cref="BenchAgreement"/>), or <see langword="null"/> when <paramref name="report"/> is set.</returns>
    public static string? Run(int epochs, int repeat, int threads, BenchTiming timing, out BenchReport? report)
    {
        var standard = TrainingSettings.Recommended("xor", seed: 1);
        var settings = new TrainingSettings(standard.Dataset, standard.Points, standard.Hidden, standard.LearningRate, epochs, standard.Seed);
        var data = settings.CreateDataset();
        var opsPerEpoch = OpsPerEpoch(settings, data);
        (string Name, Func<BenchRun> Start)[] engines =
        [
            ("hand-written", () => new BenchRun.HandWritten(new HandWrittenTrainer(TrainingSettings.CreateNetwork(settings.Hidden, settings.Seed), data, settings.LearningRate))),
            (TrainingEngines.Graph, () => new BenchRun.OfEngine(settings.CreateNetwork(), data, settings.LearningRate, new ScalarEngine())),
            (TrainingEngines.Tape, () => new BenchRun.OfEngine(settings.CreateNetwork(), data, settings.LearningRate, new TapeEngine())),
            .. CompiledRows(settings, data),
            (ThreadedRow(threads), () => new BenchRun.OfEngine(settings.CreateNetwork(), data, settings.LearningRate, new ParallelTapeEngine(threads))),
        ];
        engines = threads > 1 ? engines : engines[..^1];
        foreach (var (_, start) in engines)
        {
            using var run = start();
            WarmUp(run, timing);
        }

        var samples = engines.Select(_ => new List<Sample>(repeat)).ToArray();
        for (var r = 0; r < repeat; r++)
        {
            for (var e = 0; e < engines.Length; e++)
            {
                samples[e].Add(Measure(engines[e].Start, epochs, timing.MinSampleTime));
            }

            var (baseline, graph) = (samples[0][r], samples[1][r]);
            for (var e = 2; e < engines.Length; e++)
            {
                var tape = samples[e][r];
                var problem = BenchAgreement.Problem((graph.FinalLoss, graph.Parameters), (tape.FinalLoss, tape.Parameters), baseline.FinalLoss, engines[e].Name, TrainingEngines.Graph);
                if (problem is not null)
                {
                    report = null;
                    return problem;
                }
            }
        }

        var opsPerRun = (double)epochs * opsPerEpoch;
        var rows = engines.Select((engine, e) =>
        {
            var seconds = Median(samples[e].Select(s => s.Seconds));
            return new BenchReport.Row(
                engine.Name,
                seconds,
                Median(samples[e].Select(s => s.FirstEpochSeconds)),
                seconds * 1e9 / opsPerRun,
                samples[e].Average(s => s.Bytes) / opsPerRun,
                samples[e].Average(s => s.StepBytes) / opsPerRun,
                Median(samples[e].Select((s, r) => s.Seconds / samples[0][r].Seconds)),
                samples[e][^1].FinalLoss,
                Median(samples[e].Select(s => s.CompileSeconds)),
                samples[e][^1].CompiledSteps,
                Median(samples[e].Select((s, r) => (s.Seconds - s.TrainingThreadCompileSeconds) / samples[0][r].Seconds)),
                samples[e][^1].LastEpochBytes,
                Median(samples[e].Select(s => s.CompiledFromEpoch)));
        });
        var wide = MeasureWide(repeat, timing, out var wideProblem);
        if (wideProblem is not null)
        {
            report = null;
            return wideProblem;
        }

        report = new BenchReport(
            settings,
            repeat,
            timing.MinSampleTime,
            opsPerEpoch,
            [.. rows],
            BenchAgreement.RelativeDifference(samples[0][^1].FinalLoss, samples[1][^1].FinalLoss),
            wide!);
        return null;
    }

    /// <summary>The names of the rows of the compiled engines, in the table's order.</summary>
    public static IReadOnlyList<string> CompiledRowNames { get; } = ["compiled scalar", "compiled vector", TrainingEngines.Auto];

    /// <summary>
    /// The compiled engines, in their own loop (<see cref="TapeTrainer"/>): compiled for one point per replay and for
    /// the widest vector (<see cref="TapeEngine.DefaultMaxLanes"/>), compiled in the first epoch; and tiered, the default.
    /// </summary>
    private static (string Name, Func<BenchRun> Start)[] CompiledRows(TrainingSettings settings, Dataset data) =>
    [
        .. new[] { (TapeReplay.Compiled, 1), (TapeReplay.Compiled, TapeEngine.DefaultMaxLanes), (TapeReplay.Tiered, TapeEngine.DefaultMaxLanes) }
            .Select((engine, row) => (CompiledRowNames[row], new Func<BenchRun>(() => new BenchRun.OfTapeTrainer(
                settings.CreateNetwork(), data, settings.LearningRate, new TapeEngine(engine.Item1, engine.Item2))))),
    ];

    /// <summary>
    /// The wide network, epoch by epoch: each engine checked over the first two epochs from fresh, then warmed up (the
    /// tiered engine until it has switched), then timed in turns over consecutive epochs of the same run.
    /// </summary>
    private static BenchReport.Wide? MeasureWide(int repeat, BenchTiming timing, out string? problem)
    {
        var settings = new TrainingSettings("xor", WidePoints, WideHidden, TrainingSettings.Recommended("xor").LearningRate, 2, 1);
        var data = settings.CreateDataset();
        (string Name, Func<BenchRun> Start)[] engines =
        [
            ("hand-written", () => new BenchRun.HandWritten(new HandWrittenTrainer(TrainingSettings.CreateNetwork(settings.Hidden, settings.Seed), data, settings.LearningRate))),
            (TrainingEngines.Tape, () => new BenchRun.OfEngine(settings.CreateNetwork(), data, settings.LearningRate, new TapeEngine())),
            .. CompiledRows(settings, data),
        ];
        var runs = engines.Select(engine => engine.Start()).ToArray();
        try
        {
            var finals = new (double Loss, double[] Parameters)[runs.Length];
            for (var e = 0; e < runs.Length; e++)
            {
                for (var epoch = 0; epoch < settings.Epochs; epoch++)
                {
                    finals[e].Loss = runs[e].RunEpoch().TotalLoss;
                    runs[e].Step();
                }

                finals[e].Parameters = runs[e].Parameters();
            }

            for (var e = 2; e < runs.Length; e++)
            {
                problem = BenchAgreement.Problem(finals[1], finals[e], finals[0].Loss, $"{engines[e].Name} (wide)", $"{TrainingEngines.Tape} (wide)");
                if (problem is not null)
                {
                    return null;
                }
            }

            foreach (var run in runs)
            {
                var clock = Stopwatch.StartNew();
                do
                {
                    run.RunEpoch();
                    run.Step();
                }
                while (clock.Elapsed < timing.MinWarmUp || (run.Compilation().FromEpoch == 0 && run is BenchRun.OfTapeTrainer && clock.Elapsed < timing.MaxWarmUp));
            }

            var epochSeconds = runs.Select(_ => new List<double>(repeat)).ToArray();
            for (var r = 0; r < repeat; r++)
            {
                for (var e = 0; e < runs.Length; e++)
                {
                    var clock = Stopwatch.StartNew();
                    var epochs = 0;
                    do
                    {
                        runs[e].RunEpoch();
                        runs[e].Step();
                        epochs++;
                    }
                    while (clock.Elapsed < timing.MinSampleTime);
                    epochSeconds[e].Add(clock.Elapsed.TotalSeconds / epochs);
                }
            }

            problem = null;
            return new BenchReport.Wide(
                settings,
                OpsPerEpoch(settings, data),
                [
                    .. engines.Select((engine, e) => new BenchReport.WideRow(
                        engine.Name,
                        Median(epochSeconds[e]),
                        Median(epochSeconds[e].Select((seconds, r) => seconds / epochSeconds[0][r])),
                        runs[e].Compilation().FromEpoch)),
                ]);
        }
        finally
        {
            foreach (var run in runs)
            {
                run.Dispose();
            }
        }
    }

    /// <summary>The name of the row of the tape engine on <paramref name="threads"/> threads: "tape x2".</summary>
    /// <param name="threads">The threads.</param>
    /// <returns>The name.</returns>
    public static string ThreadedRow(int threads) => string.Create(CultureInfo.InvariantCulture, $"{TrainingEngines.Tape} x{threads}");

    /// <summary>The scalar operations of one epoch: the nodes of the tape of each point's class, summed over the points.</summary>
    private static long OpsPerEpoch(TrainingSettings settings, Dataset data)
    {
        var engine = new TapeEngine();
        engine.RunEpoch(settings.CreateNetwork(), data);
        return engine.NodesPerEpoch(data);
    }

    /// <summary>
    /// Trains untimed, in rounds of <see cref="RoundEpochs"/> epochs (at least one), until <see cref="CalmRounds"/> rounds in a row
    /// (after at least <see cref="BenchTiming.MinWarmUp"/>) were no more than 3% faster than the fastest before them, or
    /// for <see cref="BenchTiming.MaxWarmUp"/> at most: tiered compilation first runs quickly compiled code and replaces it with
    /// optimised code only after a method has run for a while, which on a busy machine took up to half a second.
    /// </summary>
    private static void WarmUp(BenchRun run, BenchTiming timing)
    {
        var clock = Stopwatch.StartNew();
        var fastest = TimeSpan.MaxValue;
        var calm = 0;
        do
        {
            var roundStart = clock.Elapsed;
            for (var epoch = 0; epoch < RoundEpochs; epoch++)
            {
                run.RunEpoch();
                run.Step();
            }

            var round = clock.Elapsed - roundStart;
            calm = round < fastest * 0.97 ? 0 : calm + 1;
            fastest = round < fastest ? round : fastest;
        }
        while (clock.Elapsed < timing.MaxWarmUp && (calm < CalmRounds || clock.Elapsed < timing.MinWarmUp));
    }

    private static Sample Measure(Func<BenchRun> start, int epochs, TimeSpan minSampleTime)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var runs = new List<Sample>();
        var timed = TimeSpan.Zero;
        do
        {
            using var run = start();
            runs.Add(MeasureRun(run, epochs));
            timed += TimeSpan.FromSeconds(runs[^1].Seconds);
        }
        while (timed < minSampleTime && runs.Count < MaxSampleRuns);

        return new Sample(
            runs.Average(r => r.Seconds),
            runs.Average(r => r.FirstEpochSeconds),
            runs.Average(r => r.Bytes),
            runs.Average(r => r.StepBytes),
            runs[^1].FinalLoss,
            runs[^1].Parameters,
            runs.Average(r => r.CompileSeconds),
            runs.Average(r => r.TrainingThreadCompileSeconds),
            runs[^1].CompiledSteps,
            runs[^1].LastEpochBytes,
            runs.Average(r => r.CompiledFromEpoch));
    }

    private static Sample MeasureRun(BenchRun run, int epochs)
    {
        var clock = new Stopwatch();
        var stepBytes = 0L;
        var lastEpochBytes = 0L;
        var totals = default(EpochTotals);
        var firstEpoch = TimeSpan.Zero;
        var start = GC.GetAllocatedBytesForCurrentThread();
        clock.Start();
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var beforeEpoch = GC.GetAllocatedBytesForCurrentThread();
            totals = run.RunEpoch();
            var beforeStep = GC.GetAllocatedBytesForCurrentThread();
            run.Step();
            var afterStep = GC.GetAllocatedBytesForCurrentThread();
            stepBytes += afterStep - beforeStep;
            lastEpochBytes = afterStep - beforeEpoch;
            firstEpoch = epoch == 0 ? clock.Elapsed : firstEpoch;
        }

        clock.Stop();
        var bytes = GC.GetAllocatedBytesForCurrentThread() - start;
        var compilation = run.Compilation();
        return new Sample(
            clock.Elapsed.TotalSeconds, firstEpoch.TotalSeconds, bytes, stepBytes, totals.TotalLoss, run.Parameters(), compilation.Time.TotalSeconds,
            compilation.OnTrainingThread.TotalSeconds, compilation.Steps, lastEpochBytes, compilation.FromEpoch);
    }

    private static double Median(IEnumerable<double> values)
    {
        var seconds = values.Order().ToArray();
        var middle = seconds.Length / 2;
        return seconds.Length % 2 == 1 ? seconds[middle] : (seconds[middle - 1] + seconds[middle]) / 2;
    }

    /// <summary>
    /// One timed run, or the mean of the runs of a sample (the final loss, parameters, compiled steps and last epoch's
    /// bytes of its last run); CompileSeconds is the time spent compiling, TrainingThreadCompileSeconds the part of it
    /// on the training thread (all of it, except for the tiered engine), CompiledFromEpoch the first epoch on compiled
    /// code (0 for none).
    /// </summary>
    private sealed record Sample(
        double Seconds, double FirstEpochSeconds, double Bytes, double StepBytes, double FinalLoss, double[] Parameters, double CompileSeconds,
        double TrainingThreadCompileSeconds, int CompiledSteps, long LastEpochBytes, double CompiledFromEpoch);
}
