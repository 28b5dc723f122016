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

    // course: task 1.4: Relu's derivatives times dOutput, into dInputs (see the summary of Relu)
    /// <inheritdoc/>
    public static void Backward(Context ctx, double dOutput, Span<double> dInputs)
    {
        dInputs[0] = Operators.ReluBack(ctx.SavedValues[0], dOutput);
    }
    // course: end
}
