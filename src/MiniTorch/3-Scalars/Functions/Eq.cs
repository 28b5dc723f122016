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

    // course: task 1.4: dOutput times each of Eq's local derivatives, into dInputs, from what Forward saved in ctx (see the summary of Eq)
    /// <inheritdoc/>
    public static void Backward(Context ctx, double dOutput, Span<double> dInputs)
    {
        dInputs[0] = Back(dOutput);
        dInputs[1] = Back(dOutput);
    }
    // course: end

    // course: helper 1.4: the library writes each derivative once, here, for Backward and for the tape, which the course does not have
    /// <summary>
    /// d · ∂f/∂a = d · ∂f/∂b = 0: a step function passes nothing back.
    /// The one place this derivative is written: <see cref="Backward"/> and the tape's replays use it.
    /// </summary>
    /// <param name="dOutput">d, the derivative arriving at the comparison.</param>
    /// <returns>0.</returns>
    public static double Back(double dOutput) => 0.0;
    // course: end
}
