using System.Runtime.CompilerServices;

namespace MiniTorch;

public static partial class Operators
{
    // course: task 0.1
    /// <summary>The logistic sigmoid: σ(x) = 1 / (1 + e⁻ˣ).</summary>
    /// <param name="x">Any value.</param>
    /// <returns>
    /// A value in [0, 1]. Computed in the stable two-branch form: 1 / (1 + e⁻ˣ) for x ≥ 0 and eˣ / (1 + eˣ) for x &lt; 0,
    /// so that e^|x| never overflows: σ(−1000) is 0 and σ(1000) is 1 rather than NaN. σ(0) = 0.5; σ(NaN) is NaN.
    /// </returns>
    public static double Sigmoid(double x)
    {
        if (x >= 0.0)
        {
            return 1.0 / (1.0 + Math.Exp(-x));
        }

        var ex = Math.Exp(x);
        return ex / (1.0 + ex);
    }

    /// <summary>The rectified linear unit: relu(x) = x if x &gt; 0, else 0.</summary>
    /// <param name="x">Any value.</param>
    /// <returns>x for positive x, 0.0 otherwise (also for −0 and for NaN).</returns>
    public static double Relu(double x) => x > 0.0 ? x : 0.0;

    /// <summary>The derivative of <see cref="Relu"/> times a back-propagated value: d if x &gt; 0, else 0.</summary>
    /// <param name="x">The input that relu saw.</param>
    /// <param name="d">The derivative arriving from the output.</param>
    /// <returns>d where relu is increasing, 0.0 elsewhere; at exactly x = 0 the subgradient 0 is used, as in MiniTorch.</returns>
    // Always inlined: generated code (the library's compiled tape, through Relu.Back) calls it hundreds of times in one
    // method, where the JIT would otherwise run out of inlining budget and leave a call per relu.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ReluBack(double x, double d) => x > 0.0 ? d : 0.0;
    // course: end

    /// <summary>The hyperbolic tangent: tanh(x) = (eˣ − e⁻ˣ) / (eˣ + e⁻ˣ), by <see cref="Math.Tanh"/>.</summary>
    /// <param name="x">Any value.</param>
    /// <returns>
    /// A value in [−1, 1]: tanh(0) = 0, tanh(−x) = −tanh(x), ±1 beyond about |x| = 19; tanh(NaN) is NaN. Not one of
    /// MiniTorch's operators: the activation that <c>minitorch train --activation tanh</c> offers besides relu.
    /// </returns>
    public static double Tanh(double x) => Math.Tanh(x);
}
