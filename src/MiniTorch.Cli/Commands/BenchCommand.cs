using System.CommandLine;
using System.Globalization;

namespace MiniTorch.Cli.Commands;

/// <summary>
/// <c>minitorch bench [--epochs 500] [--repeat 5] [--threads 1] [--json]</c>: times the standard workload with the
/// hand-written baseline, the graph engine and the tape engine (and the tape engine on N threads, with
/// <c>--threads N</c> above 1), checks that they agree, and prints a table (or JSON).
/// </summary>
/// <remarks>
/// Exit codes: 0 when the engines agree; 1 when they do not (one line on stderr names the difference, nothing is
/// printed on stdout); 2 for bad input. See <see cref="BenchMeasurement"/> for how the runs are timed.
/// </remarks>
internal static class BenchCommand
{
    /// <summary>Creates the <c>bench</c> command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var epochs = new Option<int>("--epochs") { Description = "Epochs per timed run (at least 1).", DefaultValueFactory = _ => 500 };
        var repeat = new Option<int>("--repeat") { Description = string.Create(CultureInfo.InvariantCulture, $"Timed turns per engine, each at least {BenchMeasurement.MinSampleTime.TotalSeconds} s of whole runs; the table shows the median (at least 1)."), DefaultValueFactory = _ => 5 };
        var threads = new Option<int>("--threads")
        {
            Description = "Also time the tape engine on this many threads, as a row 'tape xN' (1 to 64; 1 adds no row).",
            DefaultValueFactory = _ => OptionChecks.MinThreads,
            CustomParser = OptionChecks.ParseThreads,
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table." };
        var command = new Command(
            "bench",
            "Time the standard workload (Xor, 50 points, hidden 10, rate 0.5, seed 1) with the hand-written baseline, the graph engine and the tape engine.")
        {
            epochs,
            repeat,
            threads,
            json,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(epochs),
            parseResult.GetValue(repeat),
            parseResult.GetValue(threads),
            parseResult.GetValue(json),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(int epochs, int repeat, int threads, bool json, TextWriter output, TextWriter error)
    {
        try
        {
            OptionChecks.Epochs(epochs);
            OptionChecks.Repeat(repeat);
            OptionChecks.Threads(threads);
        }
        catch (UsageException problem)
        {
            error.WriteLine(problem.Message);
            return MiniTorchCommand.UsageError;
        }

        var disagreement = BenchMeasurement.Run(epochs, repeat, threads, out var report);
        if (disagreement is not null)
        {
            error.WriteLine(disagreement);
            return MiniTorchCommand.Failure;
        }

        if (json)
        {
            report!.WriteJson(output);
        }
        else
        {
            report!.WriteText(output);
        }

        return 0;
    }
}
