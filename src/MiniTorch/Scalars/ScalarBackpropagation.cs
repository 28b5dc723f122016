namespace MiniTorch;

/// <summary>
/// The backward pass behind <see cref="Scalar.Backward"/>: the same visits in the same order as
/// <see cref="Autodiff.Backpropagate"/>, so the same results bit for bit, with the bookkeeping kept in two fields of
/// each scalar instead of a priority queue.
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>Gather: walk from the output with an explicit stack, marking each scalar with this walk's number, so each
/// non-constant scalar is listed once (no recursion, no hashing).</item>
/// <item>Order: sort the list newest first by <see cref="Scalar.UniqueId"/>. Every scalar is newer than its inputs, so
/// this is a topological order, and it is the order in which the priority queue of the reference walk pops them.</item>
/// <item>Sweep: each scalar passes its pending derivative, now complete, to its inputs' pending derivatives (in argument
/// order); a leaf adds it to its derivative.</item>
/// </list>
/// Marks are numbered per walk from a shared counter, so walks of separate graphs on separate threads never interfere.
/// </remarks>
internal static class ScalarBackpropagation
{
    // A workspace that grew beyond this many nodes (a huge graph) is left to the collector rather than kept.
    private const int KeptCapacity = 1 << 16;

    private static long s_lastWalk;

    // Reused between walks on the same thread, so that a backward pass allocates nothing once they are large enough.
    [ThreadStatic]
    private static Workspace? s_spareWorkspace;

    /// <summary>Backpropagates <paramref name="dOutput"/> from <paramref name="output"/> to every leaf it depends on.</summary>
    /// <param name="output">The scalar to differentiate.</param>
    /// <param name="dOutput">∂out/∂output.</param>
    public static void Run(Scalar output, double dOutput)
    {
        if (output.IsConstant)
        {
            return;
        }

        var work = s_spareWorkspace ?? new Workspace();
        s_spareWorkspace = null;
        var count = Gather(output, Interlocked.Increment(ref s_lastWalk), work);
        Array.Sort(work.Keys, work.Nodes, 0, count);
        output.PendingDerivative = dOutput;
        Span<double> local = stackalloc double[2];
        for (var n = 0; n < count; n++)
        {
            var node = work.Nodes[n];
            if (node.IsLeaf)
            {
                node.AccumulateDerivative(node.PendingDerivative);
                continue;
            }

            var inputs = node.Inputs;
            var shares = inputs.Length <= 2 ? local[..inputs.Length] : new double[inputs.Length];
            shares.Clear();
            node.LocalDerivatives(node.PendingDerivative, shares);
            for (var i = 0; i < inputs.Length; i++)
            {
                if (!inputs[i].IsConstant)
                {
                    inputs[i].PendingDerivative += shares[i];
                }
            }
        }

        Array.Clear(work.Nodes, 0, count);
        if (work.Nodes.Length <= KeptCapacity)
        {
            s_spareWorkspace = work;
        }
    }

    /// <summary>Lists every non-constant scalar reachable from <paramref name="output"/> once, with its sort key.</summary>
    private static int Gather(Scalar output, long walk, Workspace work)
    {
        var count = 0;
        output.VisitMark = walk;
        work.Stack.Push(output);
        while (work.Stack.TryPop(out var node))
        {
            work.Add(ref count, node);
            node.PendingDerivative = 0.0;
            foreach (var input in node.Inputs)
            {
                if (!input.IsConstant && input.VisitMark != walk)
                {
                    input.VisitMark = walk;
                    work.Stack.Push(input);
                }
            }
        }

        return count;
    }

    private sealed class Workspace
    {
        public Stack<Scalar> Stack { get; } = new();

        public long[] Keys { get; private set; } = new long[64];

        public Scalar[] Nodes { get; private set; } = new Scalar[64];

        /// <summary>Appends a node with the key −id, so that an ascending sort puts the newest first.</summary>
        public void Add(ref int count, Scalar node)
        {
            if (count == Nodes.Length)
            {
                var keys = Keys;
                var nodes = Nodes;
                Array.Resize(ref keys, count * 2);
                Array.Resize(ref nodes, count * 2);
                Keys = keys;
                Nodes = nodes;
            }

            Keys[count] = -node.UniqueId;
            Nodes[count] = node;
            count++;
        }
    }
}
