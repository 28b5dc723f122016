namespace MiniTorch;

/// <summary>
/// How a scalar was computed (MiniTorch's ScalarHistory): the function, the context its forward pass saved, and the
/// input scalars. A leaf's history has no function, no context and no inputs; a constant has no history at all.
/// </summary>
public sealed class ScalarHistory
{
    /// <summary>The history of every leaf: nothing computed it.</summary>
    internal static readonly ScalarHistory Leaf = new(null, null, []);

    /// <summary>Records how a scalar was computed.</summary>
    /// <param name="lastFunction">The function that produced the scalar; <see langword="null"/> for a leaf.</param>
    /// <param name="context">What the function saved for its backward pass; <see langword="null"/> for a leaf.</param>
    /// <param name="inputs">The inputs of the function, in argument order (constants included); empty for a leaf. Kept, not copied.</param>
    internal ScalarHistory(FunctionHandle? lastFunction, Context? context, Scalar[] inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        LastFunction = lastFunction;
        Context = context;
        Inputs = inputs;
    }

    /// <summary>The function that produced the scalar; <see langword="null"/> for a leaf.</summary>
    public FunctionHandle? LastFunction { get; }

    /// <summary>What the function saved for its backward pass; <see langword="null"/> for a leaf.</summary>
    public Context? Context { get; }

    /// <summary>The inputs of the function, in argument order (constants included); empty for a leaf.</summary>
    public IReadOnlyList<Scalar> Inputs { get; }
}
