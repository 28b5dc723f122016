namespace MiniTorch;

/// <summary>
/// Speeds up <see cref="Scalar.Backward"/>; the readable version is <see cref="Autodiff.Backpropagate"/>, which visits the
/// same scalars in the same order and so gives the same results bit for bit. This one does it in one pass with no
/// sort, no dictionary and no visited marks.
/// </summary>
/// <remarks>
/// <para>
/// The computed scalars reached wait in a <see cref="ScalarWalkWorkspace"/>, with the derivative sent to them so far,
/// and it hands them out newest first by <see cref="Scalar.UniqueId"/>:
/// every scalar is newer than its inputs, so when a scalar is taken, everything that uses it has been taken already
/// and its derivative is complete. It then sends its share to each input, in argument order: the order in which the
/// reference walk visits them. Leaves pass nothing on: each collects what it receives, and adds the total to its
/// derivative at the end. Computed scalars are only read, never written.
/// </para>
/// <para>
/// If a function throws (an <see cref="AnomalyException"/>, say), the walk stops, no leaf derivative changes, and every
/// leaf forgets what it collected, so the graph can be walked again.
/// </para>
/// </remarks>
internal static class ScalarBackpropagation
{
    // A workspace that grew beyond this many entries is left to the collector rather than kept. Up to it (a ring of
    // 16 MB, or a million leaves) a thread reuses the storage, so repeated walks allocate nothing and cause no
    // large-object allocations, whose collections would walk the whole live graph.
    private const int KeptCapacity = 1 << 20;

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
        try
        {
            work.Start(output, dOutput);
            Sweep(work);
            work.FinishLeaves();
        }
        finally
        {
            work.Clear();
        }

        if (work.Capacity <= KeptCapacity)
        {
            s_spareWorkspace = work;
        }
    }

    private static void Sweep(ScalarWalkWorkspace work)
    {
        while (work.TryTakeNewest(out var node, out var dNode))
        {
            var inputs = node.Inputs;
            var pair = default(DoublePair);
            var shares = inputs.Length <= 2 ? ((Span<double>)pair)[..inputs.Length] : new double[inputs.Length];
            node.LocalDerivatives(dNode, shares);
            for (var i = 0; i < inputs.Length; i++)
            {
                if (!node.IsConstantInput(i))
                {
                    work.Reach(inputs[i], shares[i]);
                }
            }
        }
    }
}
