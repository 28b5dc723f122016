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
    /// Visits variables in topological order (see <see cref="TopologicalSort"/>). A computed variable passes the sum of
    /// what it received to its parents through <see cref="IVariable.ChainRule"/>; a leaf adds it to its derivative
    /// (so two backward passes add up); constants are skipped. Iterative: deep graphs do not overflow the stack.
    /// </remarks>
    public static void Backpropagate(IVariable variable, double deriv)
    {
        ArgumentNullException.ThrowIfNull(variable);
        if (variable.IsConstant)
        {
            return;
        }

        var queue = NewestFirstQueue.Rent();
        queue.Push(variable, long.MaxValue, 0, deriv);
        while (queue.TryPop(out var next, out var d))
        {
            if (next.IsLeaf)
            {
                next.AccumulateDerivative(d);
                continue;
            }

            var shares = next.ChainRule(d);
            for (var i = 0; i < shares.Count; i++)
            {
                var (parent, share) = shares[i];
                if (!parent.IsConstant)
                {
                    queue.Push(parent, next.UniqueId, i, share);
                }
            }
        }

        NewestFirstQueue.Return(queue);
    }
}
