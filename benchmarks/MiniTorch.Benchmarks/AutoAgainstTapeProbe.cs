using System.Diagnostics;
using System.Globalization;

using MiniTorch.Runs;

namespace MiniTorch.Benchmarks;

/// <summary>
/// <c>auto [--trials N]</c>: whether the default engine, tiered (<see cref="TapeReplay.Tiered"/> in
/// <see cref="TapeTrainer"/>'s loop), is ever slower than the interpreted tape in <see cref="Trainer"/>'s loop, run by
/// run, at run lengths from 1 to 500 epochs of the standard workload. Each trial trains both from a fresh network and a
/// fresh engine, in alternating order, and times the whole run (the engine is disposed after the clock stops); the
/// probe prints, per length, the median run of each, the median of the per-trial ratios auto / tape, the share of
/// trials where auto took no longer, and the median epoch from which auto ran compiled code.
/// </summary>
/// <remarks>
/// Why paired trials of single runs rather than <c>minitorch bench</c>'s samples: the question is about runs of every
/// length, down to one epoch (a fraction of a millisecond), and about the spread from run to run; a ratio per trial,
/// with the two runs side by side in time, cancels the machine's slow spells as <c>bench</c>'s turns do.
/// </remarks>
public static class AutoAgainstTapeProbe
{
    private static readonly int[] Lengths = [1, 2, 10, 50, 100, 200, 500];

    /// <summary>Runs the probe and prints plain lines.</summary>
    /// <param name="args">Empty, or <c>--trials N</c> (1 to 100000; 400 by default).</param>
    /// <returns>0, or 2 for arguments it does not take (with a message).</returns>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var trials = 400;
        if (args is not [] && !(args is ["--trials", var count] && int.TryParse(count, CultureInfo.InvariantCulture, out trials) && trials is >= 1 and <= 100_000))
        {
            Console.Error.WriteLine("Usage: auto [--trials N], N from 1 to 100000 (400 by default).");
            return 2;
        }

        var settings = TrainingSettings.Recommended("xor", 1);
        var data = settings.CreateDataset();
        // Every length is warmed up, the one-epoch run (mostly recording) included: warmed with longer runs only, its
        // first measurements took twice as long.
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < TimeSpan.FromSeconds(3))
        {
            foreach (var epochs in Lengths)
            {
                _ = TimeTape(settings, data, epochs);
                _ = TimeAuto(settings, data, epochs);
            }
        }

        Console.WriteLine($"standard workload, {trials} paired trials per length, tape and auto alternating; machine: {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        Console.WriteLine("epochs   tape ms   auto ms   auto/tape  auto <= tape  switch epoch");
        foreach (var epochs in Lengths)
        {
            var tape = new double[trials];
            var auto = new double[trials];
            var switches = new double[trials];
            for (var t = 0; t < trials; t++)
            {
                if (t % 2 == 0)
                {
                    tape[t] = TimeTape(settings, data, epochs);
                    (auto[t], switches[t]) = TimeAuto(settings, data, epochs);
                }
                else
                {
                    (auto[t], switches[t]) = TimeAuto(settings, data, epochs);
                    tape[t] = TimeTape(settings, data, epochs);
                }
            }

            var ratio = Median(auto.Select((a, t) => a / tape[t]));
            var noSlower = auto.Where((a, t) => a <= tape[t]).Count() / (double)trials;
            Console.WriteLine($"{epochs,6} {Median(tape),9:F3} {Median(auto),9:F3} {ratio,11:F3} {noSlower,13:P0} {Median(switches),13:F0}");
        }

        Console.WriteLine("switch epoch: the first epoch on compiled code, 0 when the run ended before the code was ready.");
        return 0;
    }

    private static double TimeTape(TrainingSettings settings, Dataset data, int epochs)
    {
        CollectYoungGarbage();
        using var engine = new TapeEngine();
        var trainer = new Trainer(settings.CreateNetwork(), data, settings.LearningRate, engine);
        return TimeEpochs(epochs, () => trainer.TrainEpoch());
    }

    private static (double Milliseconds, int SwitchEpoch) TimeAuto(TrainingSettings settings, Dataset data, int epochs)
    {
        CollectYoungGarbage();
        using var engine = new TapeEngine(TapeReplay.Tiered);
        var trainer = new TapeTrainer(settings.CreateNetwork(), data, settings.LearningRate, engine);
        return (TimeEpochs(epochs, () => trainer.TrainEpoch()), engine.CompiledFromEpoch ?? 0);
    }

    // The whole run, in milliseconds; the engine is disposed after the clock stops.
    private static double TimeEpochs(int epochs, Func<EpochReport> trainEpoch)
    {
        var clock = Stopwatch.StartNew();
        for (var e = 0; e < epochs; e++)
        {
            trainEpoch();
        }

        return clock.Elapsed.TotalMilliseconds;
    }

    // Each run starts with an empty generation 0, so that it pays only for the collections its own garbage causes
    // (the tape's Sgd.Step leaves some 9.7 KB an epoch; auto's own loop none).
    private static void CollectYoungGarbage() => GC.Collect(0);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
}
