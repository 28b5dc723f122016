namespace MiniTorch.Tests;

/// <summary>Random scalar graphs for comparing backward walks with each other.</summary>
internal static class RandomScalarGraphs
{
    /// <summary>
    /// Builds a random graph over three leaves, with shared nodes, every function, and a function whose two local
    /// derivatives differ (so the order in which a node used twice by one function receives them matters).
    /// </summary>
    /// <param name="seed">Chooses the graph.</param>
    /// <param name="a">The first leaf's value.</param>
    /// <param name="b">The second leaf's value.</param>
    /// <param name="c">The third leaf's value.</param>
    /// <param name="spacing">0, or the power of ten bounding how many constants are created between two operations.</param>
    /// <returns>The three leaves and the output.</returns>
    public static (Scalar[] Leaves, Scalar Output) Build(int seed, double a, double b, double c, int spacing = 0)
    {
        var random = new Random(seed);
        Scalar[] leaves = [new(a), new(b), new(c)];
        var nodes = new List<Scalar>(leaves);
        for (var i = random.Next(1, 60); i > 0; i--)
        {
            for (var gap = spacing == 0 ? 0 : random.Next((int)Math.Pow(10, spacing + 1)); gap > 0; gap--)
            {
                _ = Scalar.Constant(gap);
            }

            var p = nodes[random.Next(nodes.Count)];
            var q = random.Next(3) == 0 ? p : nodes[random.Next(nodes.Count)];
            nodes.Add(random.Next(10) switch
            {
                0 => p + q,
                1 => p * q,
                2 => p - (q * 0.5),
                3 => p / (q.Exp() + 1.0),
                4 => p.Sigmoid(),
                5 => (p + 1.0).Relu(),
                6 => (p * p).Log(),
                7 => (p < q) + p.Eq(q) + p,
                8 => Scalar.Apply<Function2>(p, q).Sigmoid(),
                _ => -p,
            });
        }

        return (leaves, nodes[^1] + nodes[random.Next(nodes.Count)]);
    }
}
