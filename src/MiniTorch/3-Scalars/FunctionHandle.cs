namespace MiniTorch;

/// <summary>
/// A function type as a value: what a <see cref="ScalarHistory"/> keeps as its <see cref="ScalarHistory.LastFunction"/>,
/// so that the backward pass can call the function that produced a scalar. There is one handle per function type.
/// </summary>
/// <remarks>
/// MiniTorch keeps the function's class itself in the history. A C# function is a type with static members
/// (<see cref="IScalarFunction"/>, for example <see cref="Functions.Mul"/>), which cannot be stored in a field, so the
/// history keeps this handle, which calls the type's static members.
/// </remarks>
public abstract class FunctionHandle
{
    private protected FunctionHandle()
    {
    }

    /// <summary>The function's name, for example <c>Mul</c>.</summary>
    public abstract string Name { get; }

    /// <summary>How many inputs the function takes.</summary>
    public abstract int Arity { get; }

    /// <summary>The function type this handle stands for.</summary>
    public abstract Type FunctionType { get; }

    /// <summary>The handle of <typeparamref name="TFunction"/>; always the same instance for the same type.</summary>
    /// <typeparam name="TFunction">The function type.</typeparam>
    /// <returns>The shared handle.</returns>
    public static FunctionHandle Of<TFunction>()
        where TFunction : IScalarFunction => Handle<TFunction>.Instance;

    /// <summary>Runs the function's forward pass; see <see cref="IScalarFunction.Forward"/>.</summary>
    /// <param name="ctx">Where the function saves values for its backward pass.</param>
    /// <param name="inputs">The input values.</param>
    /// <returns>The value.</returns>
    public abstract double Forward(Context ctx, ReadOnlySpan<double> inputs);

    /// <summary>Runs the function's backward pass; see <see cref="IScalarFunction.Backward"/>.</summary>
    /// <param name="ctx">The context filled by the forward pass.</param>
    /// <param name="dOutput">The derivative arriving at the function's result.</param>
    /// <param name="dInputs">One slot per input, zeroed on entry, that receives the local derivatives.</param>
    public abstract void Backward(Context ctx, double dOutput, Span<double> dInputs);

    /// <summary>The function's name.</summary>
    /// <returns><see cref="Name"/>.</returns>
    public override string ToString() => Name;

    private sealed class Handle<TFunction> : FunctionHandle
        where TFunction : IScalarFunction
    {
        public static readonly Handle<TFunction> Instance = new();

        public override string Name => TFunction.Name;

        public override int Arity => TFunction.Arity;

        public override Type FunctionType => typeof(TFunction);

        public override double Forward(Context ctx, ReadOnlySpan<double> inputs) => TFunction.Forward(ctx, inputs);

        public override void Backward(Context ctx, double dOutput, Span<double> dInputs) =>
            TFunction.Backward(ctx, dOutput, dInputs);
    }
}
