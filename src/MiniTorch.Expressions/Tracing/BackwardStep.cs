namespace MiniTorch.Expressions;

/// <summary>
/// One step of the backward pass (<see cref="BackwardTrace"/>): the scalar whose turn it is, the derivative it has
/// collected, the shares that made it up, and what it passes on.
/// </summary>
/// <param name="Scalar">The scalar visited.</param>
/// <param name="Derivative">
/// ∂out/∂scalar, the sum of the shares sent by every scalar that uses it (or the starting derivative for the output):
/// complete at this step, because everything that uses it has had its turn. A leaf adds it to its derivative.
/// </param>
/// <param name="Terms">For a computed scalar, the chain rule's term for each input, in argument order; empty for a leaf.</param>
/// <param name="Received">
/// The shares the scalar received, in the order they arrived (the order in which <see cref="Autodiff.Backpropagate"/>
/// adds them up to <paramref name="Derivative"/>); empty for the output, which starts from the given derivative.
/// </param>
public sealed record BackwardStep(Scalar Scalar, double Derivative, IReadOnlyList<ChainRuleTerm> Terms, IReadOnlyList<double> Received)
{
    /// <summary>True when the scalar is a leaf: the step hands it its derivative.</summary>
    public bool IsLeaf => Scalar.IsLeaf;
}
