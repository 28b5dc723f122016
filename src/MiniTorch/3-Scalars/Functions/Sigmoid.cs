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

    // course: task 1.4: dOutput times each of Sigmoid's local derivatives, into dInputs, from what Forward saved in ctx (see the summary of Sigmoid)
    /// <inheritdoc/>
    public static void Backward(Context ctx, double dOutput, Span<double> dInputs)
    {
        dInputs[0] = Back(ctx.SavedValues[0], dOutput);
    }
    // course: end

    // course: helper 1.4: the library writes each derivative once, here, for Backward and for the tape, which the course does not have
    /// <summary>
    /// d · f′(a) = s(1 − s) · d, from the saved output s = σ(a).
    /// The one place this derivative is written: <see cref="Backward"/> and the tape's replays use it.
    /// </summary>
    /// <param name="output">s = σ(a), the saved output.</param>
    /// <param name="dOutput">d, the derivative arriving at σ(a).</param>
    /// <returns>s(1 − s) · d.</returns>
    public static double Back(double output, double dOutput) => Operators.Mul(Operators.Mul(output, 1.0 - output), dOutput);
    // course: end
}
