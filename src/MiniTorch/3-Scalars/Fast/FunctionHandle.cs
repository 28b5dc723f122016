namespace MiniTorch;

/// <summary>
/// A handle on an <see cref="IScalarFunction"/> type that a <see cref="ScalarHistory"/> can keep, so that the backward
/// pass can call the function that produced a value. There is one handle per function type.
/// </summary>
/// <remarks>
/// Speeds up recording: a scalar stores its handle's two-byte <see cref="Number"/> in the table of all handles instead
/// of a reference. The readable view is <see cref="ScalarHistory.LastFunction"/>; the functions themselves are the
/// <see cref="IScalarFunction"/> types (MiniTorch's ScalarFunction), for example <see cref="Functions.Mul"/>.
/// </remarks>
public abstract class FunctionHandle
{
    // Every handle, at the position of its Number (0 stands for "no function"). Scalars store the number rather than a
    // reference: two bytes instead of eight, and no write barrier when a scalar is made. Handles are only ever added.
    private static FunctionHandle?[] s_byNumber = [null];
    private static readonly Lock RegistrationLock = new();

    private protected FunctionHandle()
    {
        lock (RegistrationLock)
        {
            var count = s_byNumber.Length;
            if (count > ushort.MaxValue)
            {
                throw new InvalidOperationException($"A process can use at most {ushort.MaxValue} scalar function types.");
            }

            var grown = new FunctionHandle?[count + 1];
            s_byNumber.CopyTo(grown, 0);
            grown[count] = this;
            Number = (ushort)count;
            Volatile.Write(ref s_byNumber, grown);
        }
    }

    /// <summary>The function's name, for example <c>Mul</c>.</summary>
    public abstract string Name { get; }

    /// <summary>How many inputs the function takes.</summary>
    public abstract int Arity { get; }

    /// <summary>The function type this handle stands for.</summary>
    public abstract Type FunctionType { get; }

    /// <summary>This handle's position among all handles, from 1; a scalar stores it to say which function computed it.</summary>
    internal ushort Number { get; }

    /// <summary>The handle of <typeparamref name="TFunction"/>; always the same instance for the same type.</summary>
    /// <typeparam name="TFunction">The function type.</typeparam>
    /// <returns>The shared handle.</returns>
    public static FunctionHandle Of<TFunction>()
        where TFunction : IScalarFunction => Handle<TFunction>.Instance;

    /// <summary>The handle whose <see cref="Number"/> is <paramref name="number"/>; <see langword="null"/> for 0.</summary>
    /// <param name="number">A number stored by a scalar.</param>
    /// <returns>The handle.</returns>
    internal static FunctionHandle? WithNumber(ushort number) => Volatile.Read(ref s_byNumber)[number];

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
