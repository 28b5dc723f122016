using System.CommandLine;
using System.Globalization;

using MiniTorch.Runs;

namespace MiniTorch.Cli.Commands;

/// <summary>
/// <c>minitorch bench [--epochs 500] [--repeat 5] [--threads 1] [--json]</c>: times the standard workload with the
/// hand-written baseline, the graph engine, the tape engine and the compiled tape engine (and the tape engine on N threads, with
/// <c>--threads N</c> above 1), checks that they agree, and prints a table (or JSON).
/// </summary>
/// <remarks>
/// Exit codes: 0 when the engines agree; 1 when they do not (one line on stderr names the difference, nothing is
/// printed on stdout); 2 for bad input. See <see cref="BenchMeasurement"/> for how the runs are timed.
/// </remarks>
internal sealed class BenchCommand
{
    private readonly BenchTiming _timing;
    private readonly Option<int> _epochs = CommonOptions.Epochs("Epochs per timed run", TrainingSettings.Default.Epochs);
    private readonly Option<int> _repeat;
    private readonly Option<int> _threads = CommonOptions.Threads("Also time the tape engine on this many threads, as a row 'tape xN' (1 to 64; 1 adds no row).");
    private readonly Option<bool> _json = CommonOptions.Json();

    private BenchCommand(BenchTiming timing)
    {
        _timing = timing;
        _repeat = new Option<int>("--repeat")
        {
            Description = string.Create(CultureInfo.InvariantCulture, $"Timed turns per engine, each at least {timing.MinSampleTime.TotalSeconds} s of whole runs; the table shows the median (at least 1)."),
            DefaultValueFactory = _ => 5,
            CustomParser = result => OptionChecks.ParseWholeNumber<int>(result, "of at least 1"),
        };
    }

    /// <summary>Builds the <c>bench</c> command.</summary>
    /// <param name="timing">How long to warm up and to time each sample: <see cref="BenchTiming.Standard"/> for real measurements.</param>
    /// <returns>The command, ready to add to the root.</returns>
    public static Command Create(BenchTiming timing) => new BenchCommand(timing).Build();

    private Command Build()
    {
        var command = new Command(
            "bench",
            "Time the standard workload (Xor, 50 points, hidden 10, rate 0.5, seed 1) with the hand-written baseline, the graph engine, the tape, the tape compiled for one point and for several points per replay, and auto (tiered); then a wide network (Xor, 150 points, hidden 200) per epoch.")
        {
            _epochs, _repeat, _threads, _json,
        };
        command.SetAction(Run);
        return command;
    }

    private int Run(ParseResult parseResult)
    {
        var epochs = OptionChecks.Epochs(parseResult.GetValue(_epochs));
        var repeat = OptionChecks.Repeat(parseResult.GetValue(_repeat));
        var threads = OptionChecks.Threads(parseResult.GetValue(_threads));
        var disagreement = BenchMeasurement.Run(epochs, repeat, threads, _timing, out var report);
        if (disagreement is not null)
        {
            parseResult.InvocationConfiguration.Error.WriteLine(disagreement);
            return MiniTorchCommand.Failure;
        }

        var output = parseResult.InvocationConfiguration.Output;
        if (parseResult.GetValue(_json))
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
