namespace MiniTorch;

/// <summary>
/// The backward pass behind <see cref="Scalar.Backward"/>: the same visits in the same order as
/// <see cref="Autodiff.Backpropagate"/>, so the same results bit for bit, with the bookkeeping kept in two fields of
/// each scalar instead of a priority queue.
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>Gather: walk from the output with an explicit stack, marking each scalar with this walk's number, so each
/// non-constant scalar is listed once (no recursion, no hashing). Computed scalars and leaves go to separate lists.</item>
/// <item>Order: put the computed scalars newest first by <see cref="Scalar.UniqueId"/>. Every scalar is newer than its
/// inputs, so this is a topological order, and it is the order in which the reference walk visits them. The ids of one
/// graph are usually nearly consecutive, so they are placed by id into a table (linear time); sparse ids are sorted.</item>
/// <item>Sweep: each computed scalar passes its pending derivative, now complete, to its inputs (in argument order);
/// then each leaf adds what it collected to its derivative. Leaves pass nothing on, so their order does not matter.</item>
/// </list>
/// Marks are numbered per walk from a shared counter, so walks of separate graphs on separate threads never interfere.
/// </remarks>
internal static class ScalarBackpropagation
{
    // A workspace that grew beyond this many entries is left to the collector rather than kept. Up to it (at most
    // 16 MB per list) a thread reuses the storage, so repeated walks over graphs of a million scalars allocate nothing
    // and cause no large-object allocations, whose collections would walk the whole live graph.
    private const int KeptCapacity = 1 << 21;

    private static long s_lastWalk;

    // Reused between walks on the same thread, so that a backward pass allocates nothing once it is large enough.
    [ThreadStatic]
    private static ScalarWalkWorkspace? s_spareWorkspace;

    /// <summary>Backpropagates <paramref name="dOutput"/> from <paramref name="output"/> to every leaf it depends on.</summary>
    /// <param name="output">The scalar to differentiate.</param>
    /// <param name="dOutput">∂out/∂output.</param>
    public static void Run(Scalar output, double dOutput)
    {
        if (output.IsConstant)
        {
            return;
        }

        var work = s_spareWorkspace ?? new ScalarWalkWorkspace();
        s_spareWorkspace = null;
        Gather(output, Interlocked.Increment(ref s_lastWalk), work);
        work.SortComputedNewestFirst();
        output.PendingDerivative = dOutput;
        Sweep(work);
        work.Clear();
        if (work.Capacity <= KeptCapacity)
        {
            s_spareWorkspace = work;
        }
    }

    private static void Gather(Scalar output, long walk, ScalarWalkWorkspace work)
    {
        var stack = work.Stack;
        output.VisitMark = walk;
        stack.Push(output);
        while (stack.TryPop(out var node))
        {
            node.PendingDerivative = 0.0;
            if (node.IsLeaf)
            {
                work.Leaves.Add(node);
                continue;
            }

            work.AddComputed(node);
            foreach (var input in node.Inputs)
            {
                if (!input.IsConstant && input.VisitMark != walk)
                {
                    input.VisitMark = walk;
                    stack.Push(input);
                }
            }
        }
    }

    private static void Sweep(ScalarWalkWorkspace work)
    {
        Span<double> pair = stackalloc double[2];
        foreach (var node in work.Computed)
        {
            var inputs = node.Inputs;
            var shares = inputs.Length <= 2 ? pair[..inputs.Length] : new double[inputs.Length];
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

        foreach (var leaf in work.Leaves)
        {
            leaf.AccumulateDerivative(leaf.PendingDerivative);
        }
    }
}
