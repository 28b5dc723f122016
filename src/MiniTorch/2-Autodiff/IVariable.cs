namespace MiniTorch;

/// <summary>
/// What backpropagation needs to know about a value in a computation graph (MiniTorch's Variable protocol).
/// <see cref="Scalar"/> is the implementation in this library.
/// </summary>
public interface IVariable
{
    /// <summary>
    /// A number that identifies the variable and grows with creation order: a variable's id must be larger than the ids
    /// of all its <see cref="Parents"/>. <see cref="Autodiff.TopologicalSort"/> relies on this to order the graph
    /// without recursion: sorting the reachable variables by id, newest first, is a topological order.
    /// </summary>
    long UniqueId { get; }

    /// <summary>True for a variable created by the user rather than computed: it has no parents and keeps a derivative.</summary>
    bool IsLeaf { get; }

    /// <summary>True for a constant: a plain number that never receives a derivative and is skipped by backpropagation.</summary>
    bool IsConstant { get; }

    /// <summary>The inputs this variable was computed from, in argument order; empty for leaves and constants.</summary>
    IReadOnlyList<IVariable> Parents { get; }

    /// <summary>
    /// One step of the chain rule: given ∂out/∂this, returns for each parent (in argument order, constants included)
    /// its share ∂out/∂this · ∂this/∂parent.
    /// </summary>
    /// <param name="dOutput">The derivative of the final output with respect to this variable.</param>
    /// <returns>One pair per parent.</returns>
    (IVariable Variable, double Derivative)[] ChainRule(double dOutput);

    /// <summary>Adds <paramref name="x"/> to the derivative kept by a leaf.</summary>
    /// <param name="x">A contribution to ∂out/∂this.</param>
    /// <exception cref="InvalidOperationException">The variable is not a leaf.</exception>
    void AccumulateDerivative(double x);
}
