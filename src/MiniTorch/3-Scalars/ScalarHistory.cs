namespace MiniTorch;

/// <summary>
/// How a scalar was computed: the function, its context, and the input scalars (MiniTorch's ScalarHistory).
/// A leaf's history has no function and no inputs; a constant has no history at all.
/// </summary>
/// <remarks>A view made on request from the scalar's own fields; reading it is for inspection and drawing, not the hot path.</remarks>
public sealed class ScalarHistory
{
    internal ScalarHistory(FunctionHandle? lastFunction, Context context, Scalar[] inputs)
    {
        LastFunction = lastFunction;
        Context = context;
        Inputs = inputs;
    }

    /// <summary>The function that produced the scalar; <see langword="null"/> for a leaf.</summary>
    public FunctionHandle? LastFunction { get; }

    /// <summary>What the function saved for its backward pass; an empty no-grad context for a leaf.</summary>
    public Context Context { get; }

    /// <summary>The inputs of the function, in argument order (constants included); empty for a leaf.</summary>
    public IReadOnlyList<Scalar> Inputs { get; }
}
