namespace MiniTorch.Cli;

/// <summary>
/// Standard output or standard error cannot be written (a full disk, a closed pipe): thrown by
/// <see cref="GuardedWriter"/> and caught in one place, <see cref="MiniTorchCommand.Run(System.CommandLine.Command, string[], TextWriter, TextWriter)"/>,
/// which exits with <see cref="MiniTorchCommand.OutputBroken"/> instead of a stack trace.
/// </summary>
/// <remarks>Deliberately not an <see cref="IOException"/>, so that a command's handling of its own files never mistakes it for one.</remarks>
internal sealed class BrokenOutputException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="stream">The stream that failed: <c>standard output</c> or <c>standard error</c>.</param>
    /// <param name="innerException">The write's failure.</param>
    public BrokenOutputException(string stream, Exception innerException)
        : base($"cannot write to {stream}: {innerException.Message}", innerException)
    {
    }
}
