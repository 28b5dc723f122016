namespace MiniTorch;

public static partial class Operators
{
    // course: task 0.1
    /// <summary>Less than, as a number: lt(x, y) = 1 if x &lt; y, else 0.</summary>
    /// <param name="x">The left value.</param>
    /// <param name="y">The right value.</param>
    /// <returns>1.0 or 0.0 (not a bool, so that it can flow through arithmetic); 0.0 when either side is NaN.</returns>
    public static double Lt(double x, double y) => x < y ? 1.0 : 0.0;

    /// <summary>Equality, as a number: eq(x, y) = 1 if x = y, else 0.</summary>
    /// <param name="x">The left value.</param>
    /// <param name="y">The right value.</param>
    /// <returns>1.0 or 0.0; exact comparison, so 0.1 + 0.2 is not equal to 0.3, and NaN equals nothing.</returns>
    public static double Eq(double x, double y) => x == y ? 1.0 : 0.0;

    /// <summary>The larger of two values: max(x, y) = x if x &gt; y, else y.</summary>
    /// <param name="x">The left value.</param>
    /// <param name="y">The right value.</param>
    /// <returns>x when x &gt; y, otherwise y; so max(NaN, y) is y and max(x, NaN) is NaN (the reference's rule,
    /// unlike <see cref="Math.Max(double, double)"/>).</returns>
    public static double Max(double x, double y) => x > y ? x : y;

    /// <summary>Closeness with an absolute tolerance: is_close(x, y) = |x − y| &lt; 10⁻².</summary>
    /// <param name="x">The left value.</param>
    /// <param name="y">The right value.</param>
    /// <returns>True when the values differ by less than 0.01; false when either is NaN or both are the same infinity
    /// (∞ − ∞ is NaN).</returns>
    public static bool IsClose(double x, double y) => Math.Abs(x - y) < 1e-2;
    // course: end
}
