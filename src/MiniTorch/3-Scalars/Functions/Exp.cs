namespace MiniTorch.Functions;

/// <summary>Exponential, f(a) = eᵃ, with f′(a) = eᵃ (the saved output). Overflows to +∞ above a ≈ 709.78.</summary>
public readonly struct Exp : IScalarFunction
{
    /// <inheritdoc/>
    public static string Name => "Exp";

    /// <inheritdoc/>
    public static int Arity => 1;

    // course: task 1.2: Exp's value, saving in ctx what Backward needs (see the summary of Exp)
    /// <inheritdoc/>
    public static double Forward(Context ctx, ReadOnlySpan<double> inputs)
    {
        var output = Operators.Exp(inputs[0]);
        ctx.SaveForBackward(output);
        return output;
    }
    // course: end

    // course: task 1.4: dOutput times each of Exp's local derivatives, into dInputs, from what Forward saved in ctx (see the summary of Exp)
    /// <inheritdoc/>
    public static void Backward(Context ctx, double dOutput, Span<double> dInputs)
    {
        dInputs[0] = Back(ctx.SavedValues[0], dOutput);
    }
    // course: end

    // course: helper 1.4: the library writes each derivative once, here, for Backward and for the tape, which the course does not have
    /// <summary>
    /// d · f′(a) = d · eᵃ, from the saved output eᵃ.
    /// The one place this derivative is written: <see cref="Backward"/> and the tape's replays use it.
    /// </summary>
    /// <param name="output">eᵃ, the saved output.</param>
    /// <param name="dOutput">d, the derivative arriving at eᵃ.</param>
    /// <returns>d · eᵃ.</returns>
    public static double Back(double output, double dOutput) => Operators.Mul(dOutput, output);
    // course: end
}
