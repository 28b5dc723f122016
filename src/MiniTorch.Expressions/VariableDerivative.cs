namespace MiniTorch.Expressions;

/// <summary>One variable's derivative after a backward pass of an expression (<see cref="Evaluation.Backward"/>).</summary>
/// <param name="Name">The variable's name.</param>
/// <param name="Value">Its value.</param>
/// <param name="Derivative">∂output/∂variable by backpropagation (0 when the output does not depend on it).</param>
/// <param name="CentralDifference">The central-difference estimate, when a check was asked for.</param>
/// <param name="Verdict">What <see cref="Autodiff.CompareDerivatives"/> says of the two, when a check was asked for.</param>
public sealed record VariableDerivative(string Name, double Value, double Derivative, double? CentralDifference, DerivativeVerdict? Verdict);
