namespace MiniTorch;

/// <summary>
/// Thrown by <see cref="PointsCsv.Read"/> for text that is not a valid points file; the message starts with
/// <c>line N:</c> and says what is wrong and what is expected, for example <c>line 7: label "2" must be 0 or 1</c>.
/// </summary>
public sealed class PointsCsvException : FormatException
{
    /// <summary>Creates the exception with a default message.</summary>
    public PointsCsvException()
        : base("The points file is not valid.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong.</param>
    public PointsCsvException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public PointsCsvException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a problem on one line.</summary>
    /// <param name="line">The 1-based line number.</param>
    /// <param name="problem">What is wrong and what is expected, without the line number.</param>
    public PointsCsvException(int line, string problem)
        : base($"line {line}: {problem}")
    {
        Line = line;
        Problem = problem;
    }

    /// <summary>The 1-based number of the line at fault; 0 when the exception was created without one.</summary>
    public int Line { get; }

    /// <summary>What is wrong on <see cref="Line"/> and what is expected: the message without its <c>line N:</c>.</summary>
    public string Problem { get; } = string.Empty;
}
