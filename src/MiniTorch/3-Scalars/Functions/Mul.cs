namespace MiniTorch.Functions;

/// <summary>Multiplication, f(a, b) = a · b, with ∂f/∂a = b and ∂f/∂b = a. Saves a and b.</summary>
public readonly struct Mul : IScalarFunction
{
    /// <inheritdoc/>
    public static string Name => "Mul";

    /// <inheritdoc/>
    public static int Arity => 2;

    // course: task 1.2: Mul's value, saving in ctx what Backward needs (see the summary of Mul)
    /// <inheritdoc/>
    public static double Forward(Context ctx, ReadOnlySpan<double> inputs)
    {
        ctx.SaveForBackward(inputs[0], inputs[1]);
        return Operators.Mul(inputs[0], inputs[1]);
    }
    // course: end

    // course: task 1.4: Mul's derivatives times dOutput, into dInputs (see the summary of Mul)
    /// <inheritdoc/>
    public static void Backward(Context ctx, double dOutput, Span<double> dInputs)
    {
        var saved = ctx.SavedValues;
        dInputs[0] = Operators.Mul(saved[1], dOutput);
        dInputs[1] = Operators.Mul(saved[0], dOutput);
    }
    // course: end
}
