namespace MiniTorch;

/// <summary>
/// Thrown inside an <see cref="Autodiff.DetectAnomalies"/> scope by the first operation whose result or derivative
/// is NaN or infinite; the message names the function, its inputs and what it produced.
/// </summary>
public sealed class AnomalyException : ArithmeticException
{
    /// <summary>Creates the exception with a default message.</summary>
    public AnomalyException()
        : base("An operation produced NaN or infinity.")
    {
    }

    /// <summary>Creates the exception with a message describing the bad operation.</summary>
    /// <param name="message">What produced the non-finite value, and from which inputs.</param>
    public AnomalyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public AnomalyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
