namespace MiniTorch;

/// <summary>
/// Thrown by <see cref="Tape.Verify()"/> and <see cref="Tape.Verify(Func{Scalar[], Scalar}, ReadOnlySpan{double})"/>
/// when a replay does not reproduce the graph engine: the message names the first step, slot or input that differs.
/// </summary>
public sealed class TapeMismatchException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public TapeMismatchException()
        : base("The tape does not reproduce the graph engine.")
    {
    }

    /// <summary>Creates the exception with a message naming what differs.</summary>
    /// <param name="message">The first difference found.</param>
    public TapeMismatchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public TapeMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
