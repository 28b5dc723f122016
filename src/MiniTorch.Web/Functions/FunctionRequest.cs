namespace MiniTorch.Web.Functions;

/// <summary>A function to sample for the Scalar functions tab: an expression in x (or x and y) and the interval.</summary>
/// <param name="Expression">The function in the expression grammar, variables x and y only.</param>
/// <param name="From">The interval's start, for x and for y; <see cref="DefaultFrom"/> when missing.</param>
/// <param name="To">The interval's end; <see cref="DefaultTo"/> when missing.</param>
internal sealed record FunctionRequest(string? Expression = null, double? From = null, double? To = null)
{
    /// <summary>MiniTorch's sandbox plots over [-49, 49].</summary>
    public const double DefaultFrom = -49;

    /// <summary>The default end of the interval.</summary>
    public const double DefaultTo = 49;

    /// <summary>The largest |from| and |to| accepted.</summary>
    public const double MaxMagnitude = 1e6;

    /// <summary>How many values of x a function of one input is sampled at.</summary>
    public const int LinePoints = 201;

    /// <summary>How many values of x and of y a function of two inputs is sampled at (a 41 × 41 grid).</summary>
    public const int GridPoints = 41;
}
