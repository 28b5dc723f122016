namespace MiniTorch.Functions;

/// <summary>Negation, f(a) = −a, with f′(a) = −1. Saves nothing.</summary>
public readonly struct Neg : IScalarFunction
{
    /// <inheritdoc/>
    public static string Name => "Neg";

    /// <inheritdoc/>
    public static int Arity => 1;

    // course: task 1.2: Neg's value, saving in ctx what Backward needs (see the summary of Neg)
    /// <inheritdoc/>
    public static double Forward(Context ctx, ReadOnlySpan<double> inputs)
    {
        return Operators.Neg(inputs[0]);
    }
    // course: end

    // course: task 1.4: Neg's derivatives times dOutput, into dInputs (see the summary of Neg)
    /// <inheritdoc/>
    public static void Backward(Context ctx, double dOutput, Span<double> dInputs)
    {
        dInputs[0] = Operators.Neg(dOutput);
    }
    // course: end
}
