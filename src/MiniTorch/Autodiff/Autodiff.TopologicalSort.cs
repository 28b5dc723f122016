namespace MiniTorch;

public static partial class Autodiff
{
    /// <summary>
    /// Lists every non-constant variable that <paramref name="variable"/> depends on, itself first, each one before
    /// the variables it was computed from (Task 1.4).
    /// </summary>
    /// <param name="variable">The output of the graph.</param>
    /// <returns>
    /// The variables in a topological order, output first. The walk is iterative (a graph millions of nodes deep is
    /// fine) and lists each variable once, however many paths lead to it. Empty for a constant.
    /// </returns>
    public static IReadOnlyList<IVariable> TopologicalSort(IVariable variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var order = new List<IVariable>();
        if (variable.IsConstant)
        {
            return order;
        }

        var queue = NewestFirstQueue.Rent();
        queue.Push(variable, long.MaxValue, 0, 0.0);
        while (queue.TryPop(out var next, out _))
        {
            order.Add(next);
            var parents = next.Parents;
            for (var i = 0; i < parents.Count; i++)
            {
                if (!parents[i].IsConstant)
                {
                    queue.Push(parents[i], next.UniqueId, i, 0.0);
                }
            }
        }

        NewestFirstQueue.Return(queue);
        return order;
    }
}
