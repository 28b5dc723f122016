namespace MiniTorch;

/// <summary>
/// The notebook a function's forward pass writes in for its backward pass (MiniTorch's Context): the values needed to
/// compute derivatives later, for example both factors of a product.
/// </summary>
/// <remarks>
/// A context is a small handle on the saved values of the scalar being computed, so saving costs no extra object.
/// Up to two values are stored inline; more are stored in an array. <c>default(Context)</c> is a no-grad context.
/// </remarks>
public readonly struct Context
{
    private readonly Scalar? _owner;

    /// <summary>Creates a standalone context that keeps what is saved, for calling a function's forward and backward by hand.</summary>
    public Context()
        : this(noGrad: false)
    {
    }

    /// <summary>Creates a standalone context, for calling a function's forward and backward by hand.</summary>
    /// <param name="noGrad">True when no derivative will be asked for, so that saving is skipped.</param>
    public Context(bool noGrad)
    {
        // A standalone context has no scalar being computed, so a private constant serves as its notebook.
        _owner = noGrad ? null : Scalar.Constant(0.0);
    }

    internal Context(Scalar owner) => _owner = owner;

    /// <summary>True when no backward pass will follow, so <see cref="SaveForBackward"/> keeps nothing.</summary>
    public bool NoGrad => _owner is null;

    /// <summary>The values stored by the last <see cref="SaveForBackward"/>, in the order given; empty before any.</summary>
    public ReadOnlySpan<double> SavedValues => _owner is null ? default : _owner.SavedValues;

    /// <summary>Stores values for the backward pass, replacing whatever was saved before. Does nothing when <see cref="NoGrad"/> is set.</summary>
    /// <param name="values">The values to keep, in the order the backward pass will read them.</param>
    public void SaveForBackward(params ReadOnlySpan<double> values) => _owner?.Save(values);
}
