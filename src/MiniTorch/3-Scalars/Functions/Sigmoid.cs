namespace MiniTorch.Functions;

/// <summary>Logistic sigmoid, f(a) = σ(a), with f′(a) = σ(a)(1 − σ(a)) computed from the saved output; the derivative underflows to 0 for |a| beyond about 37.</summary>
public readonly struct Sigmoid : IScalarFunction
{
    /// <inheritdoc/>
    public static string Name => "Sigmoid";

    /// <inheritdoc/>
    public static int Arity => 1;

    // course: task 1.2: Sigmoid's value, saving in ctx what Backward needs (see the summary of Sigmoid)
    /// <inheritdoc/>
    public static double Forward(Context ctx, ReadOnlySpan<double> inputs)
    {
        var output = Operators.Sigmoid(inputs[0]);
        ctx.SaveForBackward(output);
        return output;
    }
    // course: end

    // course: task 1.4: Sigmoid's derivatives times dOutput, into dInputs (see the summary of Sigmoid)
    /// <inheritdoc/>
    public static void Backward(Context ctx, double dOutput, Span<double> dInputs)
    {
        var s = ctx.SavedValues[0];
        dInputs[0] = Operators.Mul(Operators.Mul(s, 1.0 - s), dOutput);
    }
    // course: end
}
