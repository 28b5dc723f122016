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

    // course: task 1.4: Log's derivatives times dOutput, into dInputs (see the summary of Log)
    /// <inheritdoc/>
    public static void Backward(Context ctx, double dOutput, Span<double> dInputs)
    {
        dInputs[0] = Operators.LogBack(ctx.SavedValues[0], dOutput);
    }
    // course: end
}
