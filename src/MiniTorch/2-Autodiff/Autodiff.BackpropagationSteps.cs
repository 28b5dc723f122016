namespace MiniTorch;

public static partial class Autodiff
{
    /// <summary>
    /// The backward pass one step at a time (Task 1.4): the steps <see cref="Backpropagate"/> takes, in its order, for
    /// showing the chain rule at work. Nothing is changed: leaves do not receive their derivatives.
    /// </summary>
    /// <param name="variable">The output to differentiate.</param>
    /// <param name="deriv">∂out/∂variable, usually 1.</param>
    /// <returns>
    /// One step per variable of <see cref="TopologicalSort"/>, output first: a leaf's step holds the derivative it would
    /// receive, a computed variable's step holds the derivative it splits among its parents and the chain rule's term
    /// for each parent. Each enumeration walks the graph again; a step is computed when it is reached.
    /// </returns>
    /// <remarks>
    /// A variable's derivative is collected in a dictionary from the shares of the variables that use it; when its turn
    /// comes, all of them have passed, so the derivative is complete. Constants receive nothing.
    /// </remarks>
    public static IEnumerable<BackpropagationStep> BackpropagationSteps(IVariable variable, double deriv)
    {
        ArgumentNullException.ThrowIfNull(variable);
        return Walk(variable, deriv);
    }

    private static IEnumerable<BackpropagationStep> Walk(IVariable variable, double deriv)
    {
        var received = new Dictionary<long, double> { [variable.UniqueId] = deriv };
        foreach (var next in TopologicalSort(variable))
        {
            var d = received[next.UniqueId];
            if (next.IsLeaf)
            {
                yield return new BackpropagationStep(next, d, []);
                continue;
            }

            var shares = next.ChainRule(d);
            var local = next.ChainRule(1.0);
            var terms = new ChainRuleTerm[shares.Count];
            for (var i = 0; i < terms.Length; i++)
            {
                var (parent, share) = shares[i];
                terms[i] = new ChainRuleTerm(parent, local[i].Derivative, share);
                if (terms[i].IsPassedOn)
                {
                    received[parent.UniqueId] = received.GetValueOrDefault(parent.UniqueId) + share;
                }
            }

            yield return new BackpropagationStep(next, d, terms);
        }
    }
}
