namespace MiniTorch;

/// <summary>How <see cref="Trainer"/> applies each SGD step to the parameters; both give the same values, bit for bit.</summary>
public enum ParameterUpdate
{
    /// <summary>
    /// MiniTorch's semantics (<see cref="Sgd.Step"/>): every parameter gets a new leaf scalar p − η · d, so any scalar
    /// built from an old value keeps it. The default.
    /// </summary>
    NewLeaf,

    /// <summary>
    /// <see cref="Sgd.StepInPlace"/>: the parameter's leaf takes the new value where it is, so a step allocates nothing.
    /// Meant for the tape engines (<c>TapeEngine</c>, <c>ParallelTapeEngine</c>), which read the parameters'
    /// values afresh every epoch and own everything else they compute from them; with the graph engine it works too, but
    /// a scalar a caller kept from an earlier epoch would then see its leaves change.
    /// </summary>
    InPlace,
}
