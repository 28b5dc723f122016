using System.Diagnostics;
using System.Runtime.InteropServices;

namespace MiniTorch.Tests.Cli;

/// <summary>
/// The built <c>minitorch</c> in a child process (<c>dotnet MiniTorch.Cli.dll</c> from the test's output folder), for
/// what an in-process run cannot show: signals, a standard output that is a full device, a process killed mid-run.
/// </summary>
internal sealed class CliProcess : IDisposable
{
    /// <summary>How long a child may run before the test gives up on it: a guard against a hang, never the expected path.</summary>
    public static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(2);

    private readonly Process _process;
    private readonly Task<string> _error;

    private CliProcess(Process process)
    {
        _process = process;
        _error = process.StandardError.ReadToEndAsync();
    }

    /// <summary>The child's process id.</summary>
    public int Id => _process.Id;

    /// <summary>The CLI assembly beside the tests.</summary>
    public static string Assembly => Path.Combine(AppContext.BaseDirectory, "MiniTorch.Cli.dll");

    /// <summary>Starts <c>minitorch</c> with <paramref name="args"/>, its standard output and error read by the test.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The running child.</returns>
    public static CliProcess Start(params string[] args) => StartWith(new Dictionary<string, string>(), args);

    /// <summary>Starts <c>minitorch</c> with <paramref name="args"/> and these environment variables added to the test's.</summary>
    /// <param name="environment">The variables, by name.</param>
    /// <param name="args">The arguments.</param>
    /// <returns>The running child.</returns>
    public static CliProcess StartWith(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Assembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new CliProcess(Process.Start(start)!);
    }

    /// <summary>Starts <c>/bin/sh -c SCRIPT</c> with <c>$0</c> the CLI assembly, so that the script can redirect its streams.</summary>
    /// <param name="script">The script, for example <c>exec dotnet "$0" grad x &gt; /dev/full</c>.</param>
    /// <returns>The running shell.</returns>
    public static CliProcess Shell(string script)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(Assembly);
        return new CliProcess(Process.Start(start)!);
    }

    /// <summary>Reads standard output until a line starting with <paramref name="prefix"/>; fails if the output ends first.</summary>
    /// <param name="prefix">The start of the awaited line.</param>
    /// <returns>The line.</returns>
    public string WaitForLine(string prefix)
    {
        var read = Task.Run(() =>
        {
            while (_process.StandardOutput.ReadLine() is { } line)
            {
                if (line.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return line;
                }
            }

            return null;
        });
        Assert.True(read.Wait(HangLimit), $"no line starting with '{prefix}' within {HangLimit}");
        return read.Result ?? throw new InvalidOperationException($"the output ended without a line starting with '{prefix}'; stderr: {_error.Result}");
    }

    /// <summary>
    /// Sends a signal with the <c>kill</c> system call, <c>INT</c> or <c>TERM</c>: two calls in a row reach the child
    /// microseconds apart, well inside one of its epochs.
    /// </summary>
    /// <param name="signal">The signal's name.</param>
    public void Signal(string signal)
    {
        var number = signal switch
        {
            "INT" => 2,
            "TERM" => 15,
            _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, "INT or TERM"),
        };
        Assert.Equal(0, Kill(_process.Id, number));
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    /// <summary>Kills the child at once (SIGKILL on Unix).</summary>
    public void KillNow() => _process.Kill();

    /// <summary>Waits for the child to end, reading the rest of its output.</summary>
    /// <returns>The exit code, the rest of standard output, and all of standard error.</returns>
    public (int ExitCode, string Output, string Error) WaitForExit()
    {
        var output = _process.StandardOutput.ReadToEndAsync();
        Assert.True(_process.WaitForExit(HangLimit), $"the child did not end within {HangLimit}");
        _process.WaitForExit();
        return (_process.ExitCode, output.Result, _error.Result);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
