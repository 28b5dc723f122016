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
    /// MiniTorch's algorithm: visit the variables in topological order, output first, keeping what each one has received
    /// so far in a dictionary. When a variable's turn comes, everything that uses it has sent its share, so its
    /// derivative is complete: a leaf adds it to its own (two backward passes add up), a computed variable splits it
    /// among its parents with <see cref="IVariable.ChainRule"/>. Constants receive nothing.
    /// <see cref="Scalar.Backward"/> gives the same numbers, bit for bit, through a faster walk made for scalars.
    /// </remarks>
    public static void Backpropagate(IVariable variable, double deriv)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var received = new Dictionary<long, double>();
        Send(variable, deriv);
        foreach (var next in TopologicalSort(variable))
        {
            var d = received[next.UniqueId];
            if (next.IsLeaf)
            {
                next.AccumulateDerivative(d);
                continue;
            }

            foreach (var (parent, share) in next.ChainRule(d))
            {
                if (!parent.IsConstant)
                {
                    Send(parent, share);
                }
            }
        }

        void Send(IVariable to, double share) => received[to.UniqueId] = received.GetValueOrDefault(to.UniqueId) + share;
    }
}
