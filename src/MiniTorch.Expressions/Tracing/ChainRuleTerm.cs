namespace MiniTorch.Expressions;

/// <summary>
/// One term of the chain rule in a <see cref="BackwardStep"/>: what a computed scalar passes to one of its inputs,
/// ∂out/∂input += ∂out/∂scalar · ∂scalar/∂input.
/// </summary>
/// <param name="Input">The input, in argument order; it may be a constant, which receives nothing.</param>
/// <param name="LocalDerivative">∂scalar/∂input, from <see cref="Scalar.ChainRule"/> given 1.</param>
/// <param name="Share">∂out/∂scalar · ∂scalar/∂input, exactly as <see cref="Scalar.ChainRule"/> returns it.</param>
/// <param name="Collected">
/// What the input has collected once this share is added, summed as <see cref="Autodiff.Backpropagate"/> sums it (from
/// 0, in order of arrival); for a constant, 0.
/// </param>
public sealed record ChainRuleTerm(Scalar Input, double LocalDerivative, double Share, double Collected)
{
    /// <summary>False when the input is a constant: constants receive nothing, so the share goes nowhere.</summary>
    public bool IsPassedOn => !Input.IsConstant;
}
