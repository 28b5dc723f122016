namespace MiniTorch.Functions;

/// <summary>Reciprocal, f(a) = 1/a, with f′(a) = −1/a². At a = 0 the value is ±∞ and the derivative −∞ (IEEE). Saves a.</summary>
public readonly struct Inv : IScalarFunction
{
    /// <inheritdoc/>
    public static string Name => "Inv";

    /// <inheritdoc/>
    public static int Arity => 1;

    // course: task 1.2: Inv's value, saving in ctx what Backward needs (see the summary of Inv)
    /// <inheritdoc/>
    public static double Forward(Context ctx, ReadOnlySpan<double> inputs)
    {
        ctx.SaveForBackward(inputs[0]);
        return Operators.Inv(inputs[0]);
    }
    // course: end

    // course: task 1.4: dOutput times each of Inv's local derivatives, into dInputs, from what Forward saved in ctx (see the summary of Inv)
    /// <inheritdoc/>
    public static void Backward(Context ctx, double dOutput, Span<double> dInputs)
    {
        dInputs[0] = Back(ctx.SavedValues[0], dOutput);
    }
    // course: end

    // course: helper 1.4: the library writes each derivative once, here, for Backward and for the tape, which the course does not have
    /// <summary>
    /// d · f′(a) = −d / a², by <see cref="Operators.InvBack"/>.
    /// The one place this derivative is written: <see cref="Backward"/> and the tape's replays use it.
    /// </summary>
    /// <param name="input">a, the saved input.</param>
    /// <param name="dOutput">d, the derivative arriving at 1/a.</param>
    /// <returns>−d / a².</returns>
    public static double Back(double input, double dOutput) => Operators.InvBack(input, dOutput);
    // course: end
}
