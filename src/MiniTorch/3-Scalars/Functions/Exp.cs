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

    // course: task 1.4: Exp's derivatives times dOutput, into dInputs (see the summary of Exp)
    /// <inheritdoc/>
    public static void Backward(Context ctx, double dOutput, Span<double> dInputs)
    {
        dInputs[0] = Operators.Mul(dOutput, ctx.SavedValues[0]);
    }
    // course: end
}
