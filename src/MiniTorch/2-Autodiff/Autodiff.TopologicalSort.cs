namespace MiniTorch;

public static partial class Autodiff
{
    // course: task 1.4
    /// <summary>
    /// Lists every non-constant variable that <paramref name="variable"/> depends on, itself first, each one before
    /// the variables it was computed from (Task 1.4).
    /// </summary>
    /// <param name="variable">The output of the graph.</param>
    /// <returns>
    /// The variables newest first by <see cref="IVariable.UniqueId"/>: each variable is newer than its parents, so this
    /// is a topological order, and a fixed one, in which backpropagation adds up every sum in the same order. Each
    /// variable is listed once, however many paths lead to it. Empty for a constant.
    /// </returns>
    /// <remarks>
    /// MiniTorch orders the graph by a recursive depth-first search. Here a work stack collects what is reachable (a
    /// graph millions of nodes deep is fine) and the ids give the order.
    /// </remarks>
    public static IReadOnlyList<IVariable> TopologicalSort(IVariable variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var order = new List<IVariable>();
        var seen = new HashSet<long>();
        var waiting = new Stack<IVariable>();
        if (!variable.IsConstant)
        {
            seen.Add(variable.UniqueId);
            waiting.Push(variable);
        }

        while (waiting.TryPop(out var next))
        {
            order.Add(next);
            foreach (var parent in next.Parents)
            {
                if (!parent.IsConstant && seen.Add(parent.UniqueId))
                {
                    waiting.Push(parent);
                }
            }
        }

        order.Sort((a, b) => b.UniqueId.CompareTo(a.UniqueId));
        return order;
    }
    // course: end
}
