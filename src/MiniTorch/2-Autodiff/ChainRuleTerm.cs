namespace MiniTorch;

/// <summary>
/// One term of the chain rule in a <see cref="BackpropagationStep"/>: what a computed variable passes to one of its
/// parents, ∂out/∂parent += ∂out/∂variable · ∂variable/∂parent.
/// </summary>
public sealed class ChainRuleTerm
{
    /// <summary>Creates the term for one parent.</summary>
    /// <param name="parent">The parent (an input of the function that computed the variable).</param>
    /// <param name="localDerivative">∂variable/∂parent.</param>
    /// <param name="share">The share passed on, ∂out/∂variable · ∂variable/∂parent, as the walk adds it.</param>
    public ChainRuleTerm(IVariable parent, double localDerivative, double share)
    {
        ArgumentNullException.ThrowIfNull(parent);
        Parent = parent;
        LocalDerivative = localDerivative;
        Share = share;
    }

    /// <summary>The parent, in argument order; it may be a constant.</summary>
    public IVariable Parent { get; }

    /// <summary>The local derivative ∂variable/∂parent, from <see cref="IVariable.ChainRule"/> given 1.</summary>
    public double LocalDerivative { get; }

    /// <summary>
    /// The product ∂out/∂variable · ∂variable/∂parent, exactly as <see cref="IVariable.ChainRule"/> returns it and the
    /// walk adds it to what the parent has collected.
    /// </summary>
    public double Share { get; }

    /// <summary>False when the parent is a constant: constants receive nothing, so the share goes nowhere.</summary>
    public bool IsPassedOn => !Parent.IsConstant;
}
