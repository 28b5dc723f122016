namespace MiniTorch;

/// <summary>Thrown by <see cref="Scalar.DerivativeCheck"/> when autodiff and central difference disagree.</summary>
public sealed class DerivativeCheckException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public DerivativeCheckException()
        : base("Autodiff and central difference disagree.")
    {
    }

    /// <summary>Creates the exception with a message naming the arguments and both derivatives.</summary>
    /// <param name="message">The description.</param>
    public DerivativeCheckException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">The description.</param>
    /// <param name="innerException">The cause.</param>
    public DerivativeCheckException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
