namespace MiniTorch;

/// <summary>
/// The operation of one tape step: the eleven built-in scalar functions, each replayed with the same
/// <see cref="Operators"/> calls as its <see cref="IScalarFunction"/> type, and <see cref="Custom"/> for any other
/// function, replayed through its <see cref="FunctionHandle"/> handle.
/// </summary>
internal enum TapeOp : byte
{
    /// <summary>Functions.Add: a + b.</summary>
    Add,

    /// <summary>Functions.Mul: a · b.</summary>
    Mul,

    /// <summary>Functions.Neg: −a.</summary>
    Neg,

    /// <summary>Functions.Inv: 1 / a.</summary>
    Inv,

    /// <summary>Functions.Log: ln(a + ε).</summary>
    Log,

    /// <summary>Functions.Exp: eᵃ.</summary>
    Exp,

    /// <summary>Functions.Sigmoid: σ(a).</summary>
    Sigmoid,

    /// <summary>Functions.Relu: max(a, 0).</summary>
    Relu,

    /// <summary>Functions.Tanh: tanh(a).</summary>
    Tanh,

    /// <summary>Functions.Lt: 1 if a &lt; b else 0.</summary>
    Lt,

    /// <summary>Functions.Eq: 1 if a = b else 0.</summary>
    Eq,

    /// <summary>
    /// Functions.Mul then Functions.Add fused into one step, acc + x · w, when the product is used by that sum alone and
    /// was recorded just before it; both values are still stored (the product in the slot before the sum's).
    /// </summary>
    MulAdd,

    /// <summary>A user-defined function; the step's first operand indexes the tape's custom steps.</summary>
    Custom,
}
