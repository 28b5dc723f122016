namespace MiniTorch.Functions;

/// <summary>Equality as a number, f(a, b) = 1 if a = b else 0; piecewise constant, so both derivatives are 0.</summary>
public readonly struct Eq : IScalarFunction
{
    /// <inheritdoc/>
    public static string Name => "Eq";

    /// <inheritdoc/>
    public static int Arity => 2;

    // course: task 1.2: Eq's value, saving in ctx what Backward needs (see the summary of Eq)
    /// <inheritdoc/>
    public static double Forward(Context ctx, ReadOnlySpan<double> inputs)
    {
        return Operators.Eq(inputs[0], inputs[1]);
    }
    // course: end

    // course: task 1.4: Eq's derivatives times dOutput, into dInputs (see the summary of Eq)
    /// <inheritdoc/>
    public static void Backward(Context ctx, double dOutput, Span<double> dInputs)
    {
        dInputs[0] = 0.0;
        dInputs[1] = 0.0;
    }
    // course: end
}
