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

    // course: task 1.4: dOutput times each of Neg's local derivatives, into dInputs, from what Forward saved in ctx (see the summary of Neg)
    /// <inheritdoc/>
    public static void Backward(Context ctx, double dOutput, Span<double> dInputs)
    {
        dInputs[0] = Back(dOutput);
    }
    // course: end

    // course: helper 1.4: the library writes each derivative once, here, for Backward and for the tape, which the course does not have
    /// <summary>
    /// d · f′(a) = −d.
    /// The one place this derivative is written: <see cref="Backward"/> and the tape's replays use it.
    /// </summary>
    /// <param name="dOutput">d, the derivative arriving at −a.</param>
    /// <returns>−d.</returns>
    public static double Back(double dOutput) => Operators.Neg(dOutput);
    // course: end
}
