using System.Globalization;
using MiniTorch.Runs;
using Spectre.Console;

namespace MiniTorch.Cli.Commands;

/// <summary>
/// What the user sees while a network trains: MiniTorch's log line every 10 epochs and at the last one, and, in an
/// interactive terminal, a progress bar with the epoch, loss, correct count, time per epoch and time left.
/// </summary>
/// <remarks>
/// When the output is redirected (or is not the process's console), only the plain log lines are written. Printing is
/// never a reason to stop training: once the output cannot be written, the lines are dropped and training goes on.
/// </remarks>
internal sealed class TrainingConsole
{
    private readonly TextWriter _output;
    private readonly IAnsiConsole? _console;

    /// <summary>Creates the display for <paramref name="output"/>.</summary>
    /// <param name="output">Where the log lines go.</param>
    public TrainingConsole(TextWriter output)
    {
        _output = output;
        var interactive = ReferenceEquals(GuardedWriter.Unwrap(output), StandardStreams.Output) && !Console.IsOutputRedirected;
        _console = interactive ? AnsiConsole.Console : null;
    }

    /// <summary>Whether a line could not be written, so that the lines since were dropped.</summary>
    public bool OutputBroken { get; private set; }

    /// <summary>MiniTorch's log line, with the loss in round-trip form: <c>Epoch 10 loss 34.2231691663345 correct 26</c> (the default run's tenth epoch).</summary>
    /// <param name="report">The epoch's report.</param>
    /// <returns>The line.</returns>
    public static string LogLine(EpochReport report) =>
        string.Create(CultureInfo.InvariantCulture, $"Epoch {report.Epoch} loss {report.TotalLoss:R} correct {report.Correct}");

    /// <summary>True for the epochs MiniTorch logs: every 10th and the last.</summary>
    /// <param name="epoch">The epoch, from 1.</param>
    /// <param name="epochs">The number of epochs.</param>
    /// <returns>Whether to print the line.</returns>
    public static bool IsLogged(int epoch, int epochs) => epoch % 10 == 0 || epoch == epochs;

    /// <summary>Writes a plain line (above the bar when one is showing).</summary>
    /// <param name="line">The text.</param>
    public void WriteLine(string line)
    {
        if (OutputBroken)
        {
            return;
        }

        try
        {
            if (_console is null)
            {
                _output.WriteLine(line);
            }
            else
            {
                _console.WriteLine(line);
            }
        }
        catch (Exception problem) when (problem is BrokenOutputException or IOException)
        {
            OutputBroken = true;
        }
    }

    /// <summary>Runs the epochs left of <paramref name="run"/> with the display.</summary>
    /// <param name="run">The run.</param>
    /// <param name="label">A short name for the bar, for example the dataset.</param>
    /// <param name="stop">Stops training between epochs.</param>
    /// <param name="everyEpoch">Also receives every epoch's report, after that epoch's steps, or <see langword="null"/>.</param>
    /// <returns>
    /// Whether <paramref name="stop"/> ended training early: then the run holds the epochs completed (perhaps none), and
    /// the model the values after the last of them.
    /// </returns>
    public bool Train(TrainingRun run, string label, CancellationToken stop, Action<EpochReport>? everyEpoch = null)
    {
        var epochs = run.Plan.Epochs;
        bool Run(Action<EpochReport> show)
        {
            try
            {
                while (!run.IsFinished)
                {
                    stop.ThrowIfCancellationRequested();
                    var report = run.TrainEpoch();
                    show(report);
                    everyEpoch?.Invoke(report);
                }

                return false;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return true;
            }
        }

        if (_console is null)
        {
            return Run(report => LogIfDue(report, epochs));
        }

        return _console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(label), maxValue: epochs);
                var points = run.Data.Count;
                return Run(report =>
                {
                    LogIfDue(report, epochs);
                    var perEpoch = report.Elapsed.TotalMilliseconds / report.Epoch;
                    task.Description = Markup.Escape(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{label} epoch {report.Epoch}/{epochs} loss {report.TotalLoss:F4} correct {report.Correct}/{points} {perEpoch:F1} ms/epoch"));
                    task.Value = report.Epoch;
                });
            });
    }

    /// <summary>
    /// Runs <paramref name="work"/>, which reports how many of its <paramref name="steps"/> are done; in an interactive
    /// terminal a bar labelled <paramref name="label"/> shows them and disappears at the end, elsewhere nothing is shown.
    /// </summary>
    /// <typeparam name="T">What the work returns.</typeparam>
    /// <param name="label">What is being done, for example <c>drawing the boundary</c>.</param>
    /// <param name="steps">How many steps the work reports.</param>
    /// <param name="work">The work, given where to report its steps done.</param>
    /// <param name="stop">Stops the work at its next report of a step.</param>
    /// <returns>What the work returned.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="stop"/> was cancelled before the work ended.</exception>
    public T ShowProgress<T>(string label, int steps, Func<IProgress<int>, T> work, CancellationToken stop)
    {
        if (_console is null)
        {
            return work(new Reporter<int>(_ => stop.ThrowIfCancellationRequested()));
        }

        return _console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(label), maxValue: steps);
                return work(new Reporter<int>(done =>
                {
                    stop.ThrowIfCancellationRequested();
                    task.Value = done;
                }));
            });
    }

    private void LogIfDue(EpochReport report, int epochs)
    {
        if (IsLogged(report.Epoch, epochs))
        {
            WriteLine(LogLine(report));
        }
    }
}
