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

    // course: task 1.4: dOutput times each of Mul's local derivatives, into dInputs, from what Forward saved in ctx (see the summary of Mul)
    /// <inheritdoc/>
    public static void Backward(Context ctx, double dOutput, Span<double> dInputs)
    {
        var saved = ctx.SavedValues;
        dInputs[0] = Back(saved[1], dOutput);
        dInputs[1] = Back(saved[0], dOutput);
    }
    // course: end

    // course: helper 1.4: the library writes each derivative once, here, for Backward and for the tape, which the course does not have
    /// <summary>
    /// d · ∂f/∂a = b · d for one factor a, where b is the other factor (and the same with a and b swapped).
    /// The one place this derivative is written: <see cref="Backward"/> and the tape's replays use it.
    /// </summary>
    /// <param name="otherFactor">The factor that is not being differentiated.</param>
    /// <param name="dOutput">d, the derivative arriving at the product.</param>
    /// <returns>otherFactor · d.</returns>
    public static double Back(double otherFactor, double dOutput) => Operators.Mul(otherFactor, dOutput);
    // course: end
}
