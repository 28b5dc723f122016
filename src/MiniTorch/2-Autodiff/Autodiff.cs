using System.Runtime.InteropServices;

namespace MiniTorch;

/// <summary>
/// The general machinery of reverse-mode automatic differentiation (MiniTorch's <c>autodiff.py</c>, Tasks 1.1 and
/// 1.4): the numerical derivative that checks everything else, ordering a graph of <see cref="IVariable"/>s, and
/// sending a derivative backwards through it.
/// </summary>
public static partial class Autodiff
{
    // course: task 1.1
    /// <summary>
    /// Estimates ∂f/∂xᵢ numerically (Task 1.1): (f(…, xᵢ + ε, …) − f(…, xᵢ − ε, …)) / 2ε.
    /// </summary>
    /// <param name="f">The function to differentiate.</param>
    /// <param name="values">The point x at which to differentiate; not modified.</param>
    /// <param name="arg">The index i of the argument to move.</param>
    /// <param name="epsilon">The step ε; the error shrinks like ε² until rounding error (about 10⁻¹⁶/ε) takes over.</param>
    /// <returns>The estimate; NaN or ±∞ when f is not finite near x.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="arg"/> is not an index of <paramref name="values"/>.</exception>
    public static double CentralDifference(Func<double[], double> f, double[] values, int arg = 0, double epsilon = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegative(arg);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(arg, values.Length);

        var shifted = (double[])values.Clone();
        shifted[arg] = values[arg] + epsilon;
        var above = f(shifted);
        shifted[arg] = values[arg] - epsilon;
        var below = f(shifted);
        return (above - below) / (2.0 * epsilon);
    }
    // course: end

    /// <summary>
    /// MiniTorch's rule for checking a derivative against its central difference, the one every check uses: they agree
    /// when |autodiff − numeric| ≤ 10⁻² + 10⁻²·|numeric|.
    /// </summary>
    /// <param name="autodiff">The derivative computed by backpropagation.</param>
    /// <param name="numeric">Its estimate by <see cref="CentralDifference(Func{double[], double}, double[], int, double)"/>.</param>
    /// <returns>
    /// <see cref="DerivativeVerdict.CannotCheck"/> when the estimate is NaN or infinite (f is not finite near the point,
    /// so there is nothing to compare with); otherwise <see cref="DerivativeVerdict.Pass"/> or
    /// <see cref="DerivativeVerdict.Fail"/>, and a derivative that is NaN or infinite always fails.
    /// </returns>
    public static DerivativeVerdict CompareDerivatives(double autodiff, double numeric) =>
        !double.IsFinite(numeric) ? DerivativeVerdict.CannotCheck
        : Math.Abs(autodiff - numeric) <= 1e-2 + (1e-2 * Math.Abs(numeric)) ? DerivativeVerdict.Pass
        : DerivativeVerdict.Fail;

    // course: task 1.4
    /// <summary>
    /// Lists every non-constant variable that <paramref name="variable"/> depends on, itself first, each one before
    /// the variables it was computed from (Task 1.4).
    /// </summary>
    /// <param name="variable">The output of the graph.</param>
    /// <returns>
    /// Each variable once, however many paths lead to it, and before every variable it was computed from; empty for a
    /// constant. Any such order gives the same derivatives up to rounding. This one is newest first by
    /// <see cref="IVariable.UniqueId"/> (each variable is newer than its parents): a fixed order, in which
    /// backpropagation adds up every sum the same way on every run.
    /// </returns>
    /// <remarks>
    /// MiniTorch orders the graph by a recursive depth-first search, which overflows the stack on a graph a million
    /// nodes deep. The walk here is a loop over a queue of the variables still to visit that always gives back the
    /// newest one (a priority queue keyed by id). Every variable that uses a variable is newer than it, so by the time a
    /// variable comes out, each of its users has come out and put it in the queue: a variable reached along several
    /// paths comes out as many times in a row, and only the first is kept. No set of visited ids and no sort are needed.
    /// </remarks>
    public static IReadOnlyList<IVariable> TopologicalSort(IVariable variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var order = new List<IVariable>();
        var waiting = new PriorityQueue<IVariable, long>();
        Visit(variable);
        while (waiting.TryDequeue(out var next, out _))
        {
            if (order.Count > 0 && order[^1].UniqueId == next.UniqueId)
            {
                continue;
            }

            order.Add(next);
            var parents = next.Parents;
            for (var i = 0; i < parents.Count; i++)
            {
                Visit(parents[i]);
            }
        }

        return order;

        // The queue gives back its smallest key first, so the newest variable has the smallest key, −id.
        void Visit(IVariable v)
        {
            if (!v.IsConstant)
            {
                waiting.Enqueue(v, -v.UniqueId);
            }
        }
    }

    /// <summary>
    /// Sends the derivative <paramref name="deriv"/> = ∂out/∂variable backwards through the graph, so that every leaf
    /// it depends on receives ∂out/∂leaf (Task 1.4).
    /// </summary>
    /// <param name="variable">The output to differentiate.</param>
    /// <param name="deriv">∂out/∂variable, usually 1.</param>
    /// <remarks>
    /// MiniTorch's algorithm: visit the variables in <see cref="TopologicalSort"/> order, output first, with a
    /// dictionary from id to the derivative collected so far. When a variable's turn comes, every variable that uses it
    /// has had its turn, so its derivative is complete: a leaf adds it to its own (two backward passes add up), and a
    /// computed variable splits it among its parents with <see cref="IVariable.ChainRule"/>. Constants receive nothing.
    /// </remarks>
    public static void Backpropagate(IVariable variable, double deriv)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var order = TopologicalSort(variable);
        var derivatives = new Dictionary<long, double>(order.Count) { [variable.UniqueId] = deriv };
        foreach (var next in order)
        {
            var d = derivatives[next.UniqueId];
            if (next.IsLeaf)
            {
                next.AccumulateDerivative(d);
                continue;
            }

            foreach (var (parent, share) in next.ChainRule(d))
            {
                if (!parent.IsConstant)
                {
                    // derivatives[parent.UniqueId] += share, starting from 0, with one lookup rather than two.
                    CollectionsMarshal.GetValueRefOrAddDefault(derivatives, parent.UniqueId, out _) += share;
                }
            }
        }
    }
    // course: end
}
