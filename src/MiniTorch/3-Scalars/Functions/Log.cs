namespace MiniTorch.Functions;

/// <summary>Shifted logarithm, f(a) = ln(a + ε) with ε = 10⁻⁶, and f′(a) = 1/(a + ε): finite at 0, NaN below −ε. Saves a.</summary>
public readonly struct Log : IScalarFunction
{
    /// <inheritdoc/>
    public static string Name => "Log";

    /// <inheritdoc/>
    public static int Arity => 1;

    // course: task 1.2: Log's value, saving in ctx what Backward needs (see the summary of Log)
    /// <inheritdoc/>
    public static double Forward(Context ctx, ReadOnlySpan<double> inputs)
    {
        ctx.SaveForBackward(inputs[0]);
        return Operators.Log(inputs[0]);
    }
    // course: end

    // course: task 1.4: dOutput times each of Log's local derivatives, into dInputs, from what Forward saved in ctx (see the summary of Log)
    /// <inheritdoc/>
    public static void Backward(Context ctx, double dOutput, Span<double> dInputs)
    {
        dInputs[0] = Back(ctx.SavedValues[0], dOutput);
    }
    // course: end

    // course: helper 1.4: the library writes each derivative once, here, for Backward and for the tape, which the course does not have
    /// <summary>
    /// d · f′(a) = d / (a + ε), by <see cref="Operators.LogBack"/>.
    /// The one place this derivative is written: <see cref="Backward"/> and the tape's replays use it.
    /// </summary>
    /// <param name="input">a, the saved input.</param>
    /// <param name="dOutput">d, the derivative arriving at log a.</param>
    /// <returns>d / (a + ε).</returns>
    public static double Back(double input, double dOutput) => Operators.LogBack(input, dOutput);
    // course: end
}
