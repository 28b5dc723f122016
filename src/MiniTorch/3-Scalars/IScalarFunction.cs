namespace MiniTorch;

/// <summary>
/// A differentiable function of scalars, written as a stateless type with static members (MiniTorch's ScalarFunction).
/// Implement it to add your own operation, then call it with <see cref="Scalar.Apply{TFunction}"/>.
/// </summary>
/// <example>
/// <code>
/// public readonly struct Cube : IScalarFunction
/// {
///     public static string Name => "Cube";
///     public static int Arity => 1;
///     public static double Forward(Context ctx, ReadOnlySpan&lt;double&gt; x) { ctx.SaveForBackward(x[0]); return x[0] * x[0] * x[0]; }
///     public static void Backward(Context ctx, double d, Span&lt;double&gt; dx) { var a = ctx.SavedValues[0]; dx[0] = 3 * a * a * d; }
/// }
/// var y = Scalar.Apply&lt;Cube&gt;(x);
/// </code>
/// </example>
public interface IScalarFunction
{
    /// <summary>The name shown in graph drawings and error messages, for example <c>Mul</c>.</summary>
    static abstract string Name { get; }

    /// <summary>How many inputs the function takes.</summary>
    static abstract int Arity { get; }

    /// <summary>Computes the value from the input values and saves in <paramref name="ctx"/> what the backward pass needs.</summary>
    /// <param name="ctx">Where to save values for <see cref="Backward"/>.</param>
    /// <param name="inputs">The input values, <see cref="Arity"/> of them.</param>
    /// <returns>f(inputs).</returns>
    static abstract double Forward(Context ctx, ReadOnlySpan<double> inputs);

    /// <summary>
    /// Computes, for each input i, d · ∂f/∂xᵢ, from the values saved in <paramref name="ctx"/>, and writes it to
    /// <paramref name="dInputs"/>[i].
    /// </summary>
    /// <param name="ctx">The context the forward pass saved into.</param>
    /// <param name="dOutput">d, the derivative of the final output with respect to f's result.</param>
    /// <param name="dInputs">One slot per input, zeroed on entry.</param>
    static abstract void Backward(Context ctx, double dOutput, Span<double> dInputs);
}
