namespace MiniTorch.Cli.Commands;

/// <summary>A bad value on the command line: the command prints the one-line message and exits with <see cref="MiniTorchCommand.UsageError"/>.</summary>
internal sealed class UsageException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">One line saying what is wrong and what is allowed.</param>
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
