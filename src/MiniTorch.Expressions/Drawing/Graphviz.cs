using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.Versioning;

namespace MiniTorch.Expressions;

/// <summary>
/// Rendering DOT text (from <see cref="GraphExport.ToDot"/>) into an SVG or PNG picture with Graphviz's <c>dot</c>
/// program, which is not part of .NET: find it first, and tell the user how to install it when it is missing.
/// </summary>
public static class Graphviz
{
    /// <summary>The one-line message for a user who asked for a picture on a machine without <c>dot</c>: what is missing and the two ways on.</summary>
    public const string NotFoundMessage = "Graphviz 'dot' not found: install it (apt-get install graphviz) or write a .dot file";

    /// <summary>Looks for the <c>dot</c> executable in the folders of the <c>PATH</c> environment variable.</summary>
    /// <returns>Its full path, or <see langword="null"/> when it is not installed.</returns>
    public static string? FindDot() => FindOnPath(Environment.GetEnvironmentVariable("PATH"));

    /// <summary>Looks for the <c>dot</c> executable in the folders of a PATH-style list.</summary>
    /// <param name="path">Folders separated by <see cref="Path.PathSeparator"/>; null or empty finds nothing.</param>
    /// <returns>The first executable file named <c>dot</c> (<c>dot.exe</c> on Windows), or <see langword="null"/>.</returns>
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

    /// <summary>Runs <c>dot -T<paramref name="format"/> -o <paramref name="outputPath"/></c> with <paramref name="dot"/> on its input.</summary>
    /// <param name="dotExecutable">The path of the <c>dot</c> program, as <see cref="FindDot"/> returns it.</param>
    /// <param name="dot">The graph in the DOT language.</param>
    /// <param name="format">The output format, <c>svg</c> or <c>png</c> (any format <c>dot -T</c> knows).</param>
    /// <param name="outputPath">The file to write.</param>
    /// <exception cref="IOException"><c>dot</c> could not be started or failed; the message carries its error output.</exception>
    public static void Render(string dotExecutable, string dot, string format, string outputPath)
    {
        ArgumentNullException.ThrowIfNull(dotExecutable);
        ArgumentNullException.ThrowIfNull(dot);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(outputPath);
        var start = new ProcessStartInfo(dotExecutable)
        {
            ArgumentList = { "-T" + format, "-o", outputPath },
            RedirectStandardInput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        int exitCode;
        string errors;
        bool inputWritten;
        try
        {
            using var process = Process.Start(start)!;
            var errorOutput = process.StandardError.ReadToEndAsync();
            inputWritten = TryWriteInput(process, dot);
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

        if (!inputWritten)
        {
            throw new IOException($"{dotExecutable} stopped reading the graph before its end");
        }
    }

    // A dot that fails early stops reading its input, and writing the rest breaks the pipe: its exit code and error
    // output, read afterwards, say why it failed, so the broken pipe is reported only when dot claims success.
    private static bool TryWriteInput(Process process, string dot)
    {
        try
        {
            process.StandardInput.Write(dot);
            process.StandardInput.Close();
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    [UnsupportedOSPlatform("windows")]
    private static bool IsExecutable(string file) =>
        (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
