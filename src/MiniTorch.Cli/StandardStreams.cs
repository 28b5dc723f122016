using System.Text;
using Microsoft.Win32.SafeHandles;

namespace MiniTorch.Cli;

/// <summary>
/// The process's standard output and error as the commands write them, so that a write that fails always fails
/// loudly. .NET's console streams silently drop a write to a pipe whose reader has gone (EPIPE), which would let
/// <c>minitorch grad … | true</c> exit 0 having lost its output; so on Unix, when a stream is a pipe, a socket or a
/// device, the commands write to its file descriptor directly, where such a write fails with an
/// <see cref="IOException"/>, which <see cref="GuardedWriter"/> turns into exit code 74 like any other failed write.
/// </summary>
/// <remarks>
/// A regular file keeps the console's writer: a stream of its own would write at offsets it tracks itself, and
/// overwrite what another process writes to the same file meanwhile (<c>{ minitorch grad x; echo done; } &gt; out</c>).
/// On Windows the console's writers are used as they are.
/// </remarks>
internal static class StandardStreams
{
    /// <summary>Standard output.</summary>
    public static TextWriter Output { get; } = Open(1, Console.Out);

    /// <summary>Standard error.</summary>
    public static TextWriter Error { get; } = Open(2, Console.Error);

    private static TextWriter Open(int descriptor, TextWriter console)
    {
        if (OperatingSystem.IsWindows())
        {
            return console;
        }

        FileStream stream;
        try
        {
            stream = new FileStream(new SafeFileHandle(descriptor, ownsHandle: false), FileAccess.Write, bufferSize: 0);
        }
        catch (Exception problem) when (problem is IOException or ArgumentException or UnauthorizedAccessException)
        {
            // Closed or not writable: the console's writer reports that in its own way.
            return console;
        }

        if (stream.CanSeek)
        {
            stream.Dispose();
            return console;
        }

        return new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { AutoFlush = true, NewLine = console.NewLine };
    }
}
