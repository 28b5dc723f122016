namespace MiniTorch.Functions;

/// <summary>Addition, f(a, b) = a + b, with ∂f/∂a = ∂f/∂b = 1. Saves nothing.</summary>
public readonly struct Add : IScalarFunction
{
    /// <inheritdoc/>
    public static string Name => "Add";

    /// <inheritdoc/>
    public static int Arity => 2;

    // course: task 1.2: Add's value, saving in ctx what Backward needs (see the summary of Add)
    /// <inheritdoc/>
    public static double Forward(Context ctx, ReadOnlySpan<double> inputs)
    {
        return Operators.Add(inputs[0], inputs[1]);
    }
    // course: end

    // course: task 1.4: Add's derivatives times dOutput, into dInputs (see the summary of Add)
    /// <inheritdoc/>
    public static void Backward(Context ctx, double dOutput, Span<double> dInputs)
    {
        dInputs[0] = dOutput;
        dInputs[1] = dOutput;
    }
    // course: end
}
