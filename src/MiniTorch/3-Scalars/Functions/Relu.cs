namespace MiniTorch.Functions;

/// <summary>Rectified linear unit, f(a) = max(a, 0), with f′(a) = 1 for a &gt; 0 and 0 otherwise (0 at exactly a = 0). Saves a.</summary>
public readonly struct Relu : IScalarFunction
{
    /// <inheritdoc/>
    public static string Name => "Relu";

    /// <inheritdoc/>
    public static int Arity => 1;

    /// <inheritdoc/>
    public static double Forward(Context ctx, ReadOnlySpan<double> inputs)
    {
        ctx.SaveForBackward(inputs[0]);
        return Operators.Relu(inputs[0]);
    }

    /// <inheritdoc/>
    public static void Backward(Context ctx, double dOutput, Span<double> dInputs)
    {
        dInputs[0] = Operators.ReluBack(ctx.SavedValues[0], dOutput);
    }
}
