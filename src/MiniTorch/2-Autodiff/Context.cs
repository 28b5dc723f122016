namespace MiniTorch;

/// <summary>
/// The notebook a function's forward pass writes in for its backward pass (MiniTorch's Context): the values needed to
/// compute derivatives later, for example both factors of a product.
/// </summary>
public sealed class Context
{
    private double[] _saved = [];

    /// <summary>Creates an empty context.</summary>
    /// <param name="noGrad">True when no derivative will be asked for, so that saving is skipped.</param>
    public Context(bool noGrad = false)
    {
        NoGrad = noGrad;
    }

    /// <summary>True when no backward pass will follow, so <see cref="SaveForBackward"/> keeps nothing.</summary>
    public bool NoGrad { get; }

    /// <summary>The values stored by the last <see cref="SaveForBackward"/>, in the order given; empty before any.</summary>
    public ReadOnlySpan<double> SavedValues => _saved;

    /// <summary>Stores values for the backward pass, replacing whatever was saved before. Does nothing when <see cref="NoGrad"/> is set.</summary>
    /// <param name="values">The values to keep, in the order the backward pass will read them.</param>
    public void SaveForBackward(params ReadOnlySpan<double> values)
    {
        if (!NoGrad)
        {
            _saved = values.ToArray();
        }
    }
}
