namespace MiniTorch;

public static partial class Autodiff
{
    /// <summary>
    /// Sends the derivative <paramref name="deriv"/> = ∂out/∂variable backwards through the graph, so that every leaf
    /// it depends on receives ∂out/∂leaf (Task 1.4).
    /// </summary>
    /// <param name="variable">The output to differentiate.</param>
    /// <param name="deriv">∂out/∂variable, usually 1.</param>
    /// <remarks>
    /// MiniTorch's algorithm: visit the variables in topological order, output first, each one collecting the shares
    /// sent by the variables that use it. When a variable's turn comes, its derivative is complete: a computed variable
    /// splits it among its parents with <see cref="IVariable.ChainRule"/>, and a leaf adds it to its own (two backward
    /// passes add up). <see cref="BackpropagationSteps"/> is that walk; this method only lets the leaves accumulate.
    /// <see cref="Scalar.Backward"/> gives the same numbers, bit for bit, through a faster walk made for scalars.
    /// </remarks>
    public static void Backpropagate(IVariable variable, double deriv)
    {
        foreach (var step in BackpropagationSteps(variable, deriv))
        {
            if (step.IsLeaf)
            {
                step.Variable.AccumulateDerivative(step.Derivative);
            }
        }
    }
}
