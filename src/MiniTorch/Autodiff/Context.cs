namespace MiniTorch;

/// <summary>
/// The notebook a function's forward pass writes in for its backward pass: the values needed to compute derivatives
/// later (for example both factors of a product).
/// </summary>
/// <remarks>Up to two saved values are kept inline, so the common functions allocate nothing beyond the context itself.</remarks>
public sealed class Context
{
    private SavedPair _pair;
    private double[]? _many;
    private int _count;

    /// <summary>Creates an empty context.</summary>
    /// <param name="noGrad">True when no derivative will be asked for, so that saving is skipped.</param>
    public Context(bool noGrad = false) => NoGrad = noGrad;

    /// <summary>True when no backward pass will follow: <see cref="SaveForBackward"/> then keeps nothing.</summary>
    public bool NoGrad { get; }

    /// <summary>The values stored by the last <see cref="SaveForBackward"/>, in the order given; empty before any.</summary>
    public ReadOnlySpan<double> SavedValues => _many ?? ((ReadOnlySpan<double>)_pair)[.._count];

    /// <summary>Stores values for the backward pass, replacing whatever was saved before. Does nothing when <see cref="NoGrad"/> is set.</summary>
    /// <param name="values">The values to keep, in the order the backward pass will read them.</param>
    public void SaveForBackward(params ReadOnlySpan<double> values)
    {
        if (NoGrad)
        {
            return;
        }

        if (values.Length <= 2)
        {
            values.CopyTo(_pair);
            _count = values.Length;
            _many = null;
        }
        else
        {
            _many = values.ToArray();
            _count = values.Length;
        }
    }

    [System.Runtime.CompilerServices.InlineArray(2)]
    private struct SavedPair
    {
        private double _element;
    }
}
