using System.Diagnostics;

namespace MiniTorch.Progress;

/// <summary>Runs the <c>dotnet</c> command in a folder and collects what it printed.</summary>
internal static class DotnetCommand
{
    /// <summary>Runs <c>dotnet</c> with the arguments and waits for it to end.</summary>
    /// <param name="arguments">The arguments, each passed as one (no shell quoting).</param>
    /// <param name="folder">The working folder.</param>
    /// <returns>The exit code, and standard output followed by standard error.</returns>
    /// <exception cref="InvalidOperationException">dotnet could not be started.</exception>
    public static (int ExitCode, string Output) Run(IEnumerable<string> arguments, string folder)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
