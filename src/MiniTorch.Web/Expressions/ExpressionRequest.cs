namespace MiniTorch.Web.Expressions;

/// <summary>An expression in the command line's grammar and the values of its variables.</summary>
/// <param name="Expression">The expression, for example <c>x * x + 3 * y</c>; at most <see cref="MaxLength"/> characters.</param>
/// <param name="Values">A value per variable; a variable without one is 1.</param>
internal sealed record ExpressionRequest(string? Expression = null, Dictionary<string, double>? Values = null)
{
    /// <summary>The longest expression accepted.</summary>
    public const int MaxLength = 10_000;

    /// <summary>The value of a variable the request gives none for.</summary>
    public const double DefaultValue = 1.0;
}
