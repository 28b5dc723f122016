namespace MiniTorch.Cli.Commands;

/// <summary>
/// A bad command line: thrown by any command, caught in one place (<see cref="MiniTorchCommand.Run(System.CommandLine.Command, string[], TextWriter, TextWriter)"/>),
/// which prints the message on standard error and exits with <see cref="MiniTorchCommand.UsageError"/>.
/// </summary>
internal sealed class UsageException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">
    /// One line saying what is wrong and what is allowed; for a bad expression, that line followed by the expression
    /// and a caret under the column.
    /// </param>
    public UsageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the problem that caused it.</summary>
    /// <param name="message">One line saying what is wrong and what is allowed.</param>
    /// <param name="innerException">The cause.</param>
    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
