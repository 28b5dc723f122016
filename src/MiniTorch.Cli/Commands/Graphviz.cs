using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.Versioning;

namespace MiniTorch.Cli.Commands;

/// <summary>Rendering DOT text with Graphviz's <c>dot</c> program, when it is installed.</summary>
internal static class Graphviz
{
    /// <summary>The message shown when <c>dot</c> is needed but not on the PATH.</summary>
    public const string NotFoundMessage = "Graphviz 'dot' not found: install it (apt-get install graphviz) or write a .dot file";

    /// <summary>Looks for the <c>dot</c> executable in the folders of the <c>PATH</c> environment variable.</summary>
    /// <returns>Its full path, or null when it is not installed.</returns>
    public static string? FindDot() => FindOnPath(Environment.GetEnvironmentVariable("PATH"));

    /// <summary>Looks for the <c>dot</c> executable in the folders of a PATH-style list.</summary>
    /// <param name="path">Folders separated by <see cref="Path.PathSeparator"/>; null or empty finds nothing.</param>
    /// <returns>The first executable file named <c>dot</c> (<c>dot.exe</c> on Windows), or null.</returns>
    public static string? FindOnPath(string? path)
    {
        var name = OperatingSystem.IsWindows() ? "dot.exe" : "dot";
        foreach (var folder in (path ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, name);
            if (File.Exists(candidate) && (OperatingSystem.IsWindows() || IsExecutable(candidate)))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Runs <c>dot -T<paramref name="format"/> -o <paramref name="outputPath"/></c> on <paramref name="dot"/>.</summary>
    /// <param name="dotExecutable">The path of the <c>dot</c> program.</param>
    /// <param name="dot">The graph in the DOT language.</param>
    /// <param name="format">The output format, <c>svg</c> or <c>png</c>.</param>
    /// <param name="outputPath">The file to write.</param>
    /// <exception cref="IOException"><c>dot</c> could not be started or failed; the message carries its error output.</exception>
    public static void Render(string dotExecutable, string dot, string format, string outputPath)
    {
        var start = new ProcessStartInfo(dotExecutable)
        {
            ArgumentList = { "-T" + format, "-o", outputPath },
            RedirectStandardInput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        int exitCode;
        string errors;
        try
        {
            using var process = Process.Start(start)!;
            var errorOutput = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(dot);
            process.StandardInput.Close();
            process.WaitForExit();
            exitCode = process.ExitCode;
            errors = errorOutput.Result.Trim();
        }
        catch (Win32Exception e)
        {
            throw new IOException($"could not run {dotExecutable}: {e.Message}", e);
        }

        if (exitCode != 0)
        {
            throw new IOException($"{dotExecutable} failed (exit code {exitCode}): {errors}");
        }
    }

    [UnsupportedOSPlatform("windows")]
    private static bool IsExecutable(string file) =>
        (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
