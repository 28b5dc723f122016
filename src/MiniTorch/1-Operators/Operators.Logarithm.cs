namespace MiniTorch;

public static partial class Operators
{
    // course: task 0.1
    /// <summary>The shifted natural logarithm: log(x) = ln(x + ε) with ε = <see cref="Eps"/>.</summary>
    /// <param name="x">The argument; meant for x ≥ 0.</param>
    /// <returns>ln(x + 10⁻⁶): log(0) is about −13.8 instead of −∞; NaN for x &lt; −ε (IEEE, no exception).</returns>
    public static double Log(double x) => Math.Log(x + Eps);

    /// <summary>The exponential: exp(x) = eˣ.</summary>
    /// <param name="x">Any value.</param>
    /// <returns>eˣ; overflows to +∞ above about 709.78 and underflows to 0 below about −745.</returns>
    public static double Exp(double x) => Math.Exp(x);

    /// <summary>The derivative of <see cref="Log"/> times a back-propagated value: d / (x + ε).</summary>
    /// <param name="x">The input that log saw.</param>
    /// <param name="d">The derivative arriving from the output.</param>
    /// <returns>d / (x + 10⁻⁶): large but finite at x = 0; ±∞ at x = −ε.</returns>
    public static double LogBack(double x, double d) => d / (x + Eps);
    // course: end
}
