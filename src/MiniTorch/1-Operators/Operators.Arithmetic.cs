namespace MiniTorch;

public static partial class Operators
{
    // course: task 0.1
    /// <summary>Multiplication: mul(x, y) = x · y.</summary>
    /// <param name="x">The left factor.</param>
    /// <param name="y">The right factor.</param>
    /// <returns>x · y; overflows to ±∞ beyond ±1.8·10³⁰⁸, and 0 · ∞ is NaN.</returns>
    public static double Mul(double x, double y) => x * y;

    /// <summary>Identity: id(x) = x.</summary>
    /// <param name="x">Any value, NaN included.</param>
    /// <returns>x unchanged.</returns>
    public static double Id(double x) => x;

    /// <summary>Addition: add(x, y) = x + y.</summary>
    /// <param name="x">The left term.</param>
    /// <param name="y">The right term.</param>
    /// <returns>x + y; ∞ + (−∞) is NaN.</returns>
    public static double Add(double x, double y) => x + y;

    /// <summary>Negation: neg(x) = −x.</summary>
    /// <param name="x">Any value.</param>
    /// <returns>−x; neg(0) is −0, which compares equal to 0.</returns>
    public static double Neg(double x) => -x;
    // course: end
}
