namespace MiniTorch.Benchmarks;

/// <summary>The operation a chain repeats.</summary>
public enum ChainOp
{
    /// <summary>y ← y + 1.</summary>
    Add,

    /// <summary>y ← y · (1 + 10⁻⁷).</summary>
    Mul,
}

/// <summary>A graph as deep as it is long: one leaf and a chain of operations on it, each with a constant.</summary>
public static class Chain
{
    /// <summary>Builds the chain.</summary>
    /// <param name="nodes">How many operations (computed nodes); each also makes one constant.</param>
    /// <param name="op">The operation.</param>
    /// <returns>The leaf and the last node.</returns>
    public static (Scalar Leaf, Scalar Output) Build(int nodes, ChainOp op)
    {
        var leaf = new Scalar(1.0);
        var y = leaf;
        for (var n = 0; n < nodes; n++)
        {
            y = op == ChainOp.Add ? y + 1.0 : y * 1.0000001;
        }

        return (leaf, y);
    }
}
