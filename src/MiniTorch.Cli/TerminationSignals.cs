using System.Runtime.InteropServices;

namespace MiniTorch.Cli;

/// <summary>
/// Ctrl+C, SIGINT and SIGTERM as a request to stop: while listening, the first such signal cancels a token instead of
/// ending the process, so that the work can stop at a safe point and keep what it has done; a second one ends the
/// process at once with the shell's code for that signal (128 + its number: 130 for SIGINT, 143 for SIGTERM), after
/// showing the terminal's cursor again (a progress bar hides it).
/// </summary>
internal sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly PosixSignalRegistration[] _registrations;
    private int _received;

    private TerminationSignals(CancellationTokenSource stop)
    {
        _stop = stop;
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    /// <summary>Starts listening: the first signal cancels <paramref name="stop"/>; dispose to stop listening.</summary>
    /// <param name="stop">The source to cancel.</param>
    /// <returns>The registration.</returns>
    public static TerminationSignals Listen(CancellationTokenSource stop) => new(stop);

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (Interlocked.Increment(ref _received) == 1)
        {
            context.Cancel = true;
            _stop.Cancel();
            return;
        }

        context.Cancel = true;
        ShowCursor();
        Environment.Exit(128 + (context.Signal == PosixSignal.SIGTERM ? 15 : 2));
    }

    private static void ShowCursor()
    {
        if (Console.IsOutputRedirected)
        {
            return;
        }

        try
        {
            Console.Out.Write("\u001b[?25h");
        }
        catch (IOException)
        {
            return;
        }
    }
}
