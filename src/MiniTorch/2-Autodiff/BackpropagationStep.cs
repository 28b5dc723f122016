namespace MiniTorch;

/// <summary>
/// One step of the backward pass, as <see cref="Autodiff.BackpropagationSteps"/> yields it: the variable whose turn it
/// is, the derivative it has collected, and what it does with it.
/// </summary>
public sealed class BackpropagationStep
{
    /// <summary>Creates a step.</summary>
    /// <param name="variable">The variable visited.</param>
    /// <param name="derivative">∂out/∂variable, complete at this step.</param>
    /// <param name="terms">For a computed variable one term per parent, in argument order; empty for a leaf.</param>
    public BackpropagationStep(IVariable variable, double derivative, IReadOnlyList<ChainRuleTerm> terms)
    {
        ArgumentNullException.ThrowIfNull(variable);
        ArgumentNullException.ThrowIfNull(terms);
        Variable = variable;
        Derivative = derivative;
        Terms = terms;
    }

    /// <summary>The variable visited.</summary>
    public IVariable Variable { get; }

    /// <summary>
    /// ∂out/∂variable, the sum of the shares sent by every variable that uses this one (or the starting derivative for
    /// the output): complete at this step, because everything that uses the variable has had its turn.
    /// </summary>
    public double Derivative { get; }

    /// <summary>True when the variable is a leaf: the step adds <see cref="Derivative"/> to the leaf's own derivative.</summary>
    public bool IsLeaf => Variable.IsLeaf;

    /// <summary>
    /// For a computed variable, the chain rule's terms, one per parent in argument order (constants included, marked
    /// by <see cref="ChainRuleTerm.IsPassedOn"/>); empty for a leaf.
    /// </summary>
    public IReadOnlyList<ChainRuleTerm> Terms { get; }
}
