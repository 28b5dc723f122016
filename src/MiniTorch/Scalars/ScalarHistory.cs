namespace MiniTorch;

/// <summary>
/// How a scalar was computed: the function, the context it saved, and the input scalars (MiniTorch's ScalarHistory).
/// A leaf's history has no function and no inputs; a constant has no history at all.
/// </summary>
public sealed class ScalarHistory
{
    /// <summary>The history shared by every leaf: nothing was computed.</summary>
    internal static readonly ScalarHistory Leaf = new(null, null, []);

    internal ScalarHistory(ScalarFunction? lastFunction, Context? context, Scalar[] inputs)
    {
        LastFunction = lastFunction;
        Context = context;
        InputArray = inputs;
    }

    /// <summary>The function that produced the scalar; <see langword="null"/> for a leaf.</summary>
    public ScalarFunction? LastFunction { get; }

    /// <summary>What the function saved for its backward pass; <see langword="null"/> for a leaf.</summary>
    public Context? Context { get; }

    /// <summary>The inputs of the function, in argument order (constants included); empty for a leaf.</summary>
    public IReadOnlyList<Scalar> Inputs => InputArray;

    internal Scalar[] InputArray { get; }
}
