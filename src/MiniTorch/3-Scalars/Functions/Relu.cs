namespace MiniTorch.Functions;

/// <summary>Rectified linear unit, f(a) = max(a, 0), with f′(a) = 1 for a &gt; 0 and 0 otherwise (0 at exactly a = 0). Saves a.</summary>
public readonly struct Relu : IScalarFunction
{
    /// <inheritdoc/>
    public static string Name => "Relu";

    /// <inheritdoc/>
    public static int Arity => 1;

    // course: task 1.2: Relu's value, saving in ctx what Backward needs (see the summary of Relu)
    /// <inheritdoc/>
    public static double Forward(Context ctx, ReadOnlySpan<double> inputs)
    {
        ctx.SaveForBackward(inputs[0]);
        return Operators.Relu(inputs[0]);
    }
    // course: end

    // course: task 1.4: dOutput times each of Relu's local derivatives, into dInputs, from what Forward saved in ctx (see the summary of Relu)
    /// <inheritdoc/>
    public static void Backward(Context ctx, double dOutput, Span<double> dInputs)
    {
        dInputs[0] = Back(ctx.SavedValues[0], dOutput);
    }
    // course: end

    // course: helper 1.4: the library writes each derivative once, here, for Backward and for the tape, which the course does not have
    /// <summary>
    /// d · f′(a): d for a &gt; 0, else 0, by <see cref="Operators.ReluBack"/>.
    /// The one place this derivative is written: <see cref="Backward"/> and the tape's replays use it.
    /// </summary>
    /// <param name="input">a, the saved input.</param>
    /// <param name="dOutput">d, the derivative arriving at relu(a).</param>
    /// <returns>d or 0.</returns>
    public static double Back(double input, double dOutput) => Operators.ReluBack(input, dOutput);
    // course: end
}
