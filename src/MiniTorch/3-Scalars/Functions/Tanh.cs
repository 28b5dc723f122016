namespace MiniTorch.Functions;

/// <summary>
/// Hyperbolic tangent, f(a) = tanh(a), with f′(a) = 1 − tanh²(a) computed from the saved output; the derivative
/// underflows to 0 for |a| beyond about 19, where tanh(a) rounds to ±1. Saves the output. Not one of MiniTorch's
/// functions: it is the tanh activation of the networks beyond MiniTorch's (<c>minitorch train --activation tanh</c>).
/// </summary>
public readonly struct Tanh : IScalarFunction
{
    /// <inheritdoc/>
    public static string Name => "Tanh";

    /// <inheritdoc/>
    public static int Arity => 1;

    /// <inheritdoc/>
    public static double Forward(Context ctx, ReadOnlySpan<double> inputs)
    {
        var output = Operators.Tanh(inputs[0]);
        ctx.SaveForBackward(output);
        return output;
    }

    /// <inheritdoc/>
    public static void Backward(Context ctx, double dOutput, Span<double> dInputs)
    {
        dInputs[0] = Back(ctx.SavedValues[0], dOutput);
    }

    /// <summary>
    /// d · f′(a) = (1 − t²) · d, from the saved output t = tanh(a).
    /// The one place this derivative is written: <see cref="Backward"/> and the tape's replays use it.
    /// </summary>
    /// <param name="output">t = tanh(a), the saved output.</param>
    /// <param name="dOutput">d, the derivative arriving at tanh(a).</param>
    /// <returns>(1 − t²) · d.</returns>
    public static double Back(double output, double dOutput) => Operators.Mul(1.0 - Operators.Mul(output, output), dOutput);
}
