namespace MiniTorch;

public static partial class Operators
{
    // course: task 0.1
    /// <summary>The reciprocal: inv(x) = 1 / x.</summary>
    /// <param name="x">Any value.</param>
    /// <returns>1 / x; inv(0) is +∞ and inv(−0) is −∞ (IEEE, no exception).</returns>
    public static double Inv(double x) => 1.0 / x;

    /// <summary>The derivative of <see cref="Inv"/> times a back-propagated value: −d / x².</summary>
    /// <param name="x">The input that inv saw.</param>
    /// <param name="d">The derivative arriving from the output.</param>
    /// <returns>−d / x²; −∞ (or +∞ for negative d) at x = 0, and 0 when x² overflows.</returns>
    public static double InvBack(double x, double d) => -d / (x * x);
    // course: end
}
