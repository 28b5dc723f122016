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

    // course: task 1.4: dOutput times each of Add's local derivatives, into dInputs, from what Forward saved in ctx (see the summary of Add)
    /// <inheritdoc/>
    public static void Backward(Context ctx, double dOutput, Span<double> dInputs)
    {
        dInputs[0] = Back(dOutput);
        dInputs[1] = Back(dOutput);
    }
    // course: end

    // course: helper 1.4: the library writes each derivative once, here, for Backward and for the tape, which the course does not have
    /// <summary>
    /// d · ∂f/∂a = d · ∂f/∂b = d: a sum passes its derivative on unchanged.
    /// The one place this derivative is written: <see cref="Backward"/> and the tape's replays use it.
    /// </summary>
    /// <param name="dOutput">d, the derivative arriving at the sum.</param>
    /// <returns>d.</returns>
    public static double Back(double dOutput) => dOutput;
    // course: end
}
