namespace MiniTorch;

/// <summary>
/// The six 2-D datasets of MiniTorch Task 1.5 and their look-up by name. The five random ones draw each point as
/// (x1, x2) uniform in [0, 1)², x1 first, from <see cref="SplitMix64"/> seeded with the seed; the same seed gives the
/// same points on every machine.
/// </summary>
public static partial class Datasets
{
    private static readonly string[] NameList = ["Simple", "Diag", "Split", "Xor", "Circle", "Spiral"];

    /// <summary>The dataset names, in MiniTorch's order: Simple, Diag, Split, Xor, Circle, Spiral.</summary>
    public static IReadOnlyList<string> Names => NameList;

    /// <summary>Finds a dataset's name regardless of case.</summary>
    /// <param name="name">A name such as <c>xor</c> or <c>XOR</c>.</param>
    /// <returns>The name as spelled in <see cref="Names"/>, for example <c>Xor</c>.</returns>
    /// <exception cref="ArgumentException">No dataset has that name; the message lists the valid names.</exception>
    public static string CanonicalName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Array.Find(NameList, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Unknown dataset '{name}'. Valid names: {string.Join(", ", NameList)}.", nameof(name));
    }

    /// <summary>Creates the dataset called <paramref name="name"/> (any case).</summary>
    /// <param name="name">One of <see cref="Names"/>, in any case.</param>
    /// <param name="count">N, the number of points, at least 0.</param>
    /// <param name="seed">The generator's seed; Spiral draws nothing and ignores it.</param>
    /// <returns>Exactly <paramref name="count"/> labelled points.</returns>
    /// <exception cref="ArgumentException">Unknown name; the message lists the valid names.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static Dataset Create(string name, int count, ulong seed) => CanonicalName(name) switch
    {
        "Simple" => Simple(count, seed),
        "Diag" => Diag(count, seed),
        "Split" => Split(count, seed),
        "Xor" => Xor(count, seed),
        "Circle" => Circle(count, seed),
        _ => Spiral(count),
    };

    /// <summary>Simple: label 1 when x1 &lt; 0.5 (a vertical boundary).</summary>
    /// <param name="count">N, at least 0.</param>
    /// <param name="seed">The generator's seed.</param>
    /// <returns>N random points.</returns>
    public static Dataset Simple(int count, ulong seed) => Random("Simple", count, seed, p => p.X1 < 0.5);

    /// <summary>Diag: label 1 when x1 + x2 &lt; 0.5 (the corner near the origin, about 1/8 of the points).</summary>
    /// <param name="count">N, at least 0.</param>
    /// <param name="seed">The generator's seed.</param>
    /// <returns>N random points.</returns>
    public static Dataset Diag(int count, ulong seed) => Random("Diag", count, seed, p => p.X1 + p.X2 < 0.5);

    /// <summary>Split: label 1 when x1 &lt; 0.2 or x1 &gt; 0.8 (two vertical bands).</summary>
    /// <param name="count">N, at least 0.</param>
    /// <param name="seed">The generator's seed.</param>
    /// <returns>N random points.</returns>
    public static Dataset Split(int count, ulong seed) => Random("Split", count, seed, p => p.X1 < 0.2 || p.X1 > 0.8);

    /// <summary>
    /// Xor: label 1 when (x1 &lt; 0.5 and x2 &gt; 0.5) or (x1 &gt; 0.5 and x2 &lt; 0.5). A point with a coordinate of
    /// exactly 0.5 is class 0.
    /// </summary>
    /// <param name="count">N, at least 0.</param>
    /// <param name="seed">The generator's seed.</param>
    /// <returns>N random points.</returns>
    public static Dataset Xor(int count, ulong seed) =>
        Random("Xor", count, seed, p => (p.X1 < 0.5 && p.X2 > 0.5) || (p.X1 > 0.5 && p.X2 < 0.5));

    /// <summary>Circle: label 1 when (x1 − 0.5)² + (x2 − 0.5)² &gt; 0.1 (outside a circle of radius √0.1 ≈ 0.316).</summary>
    /// <param name="count">N, at least 0.</param>
    /// <param name="seed">The generator's seed.</param>
    /// <returns>N random points.</returns>
    public static Dataset Circle(int count, ulong seed) =>
        Random("Circle", count, seed, p => ((p.X1 - 0.5) * (p.X1 - 0.5)) + ((p.X2 - 0.5) * (p.X2 - 0.5)) > 0.1);

    private static Dataset Random(string name, int count, ulong seed, Func<DataPoint, bool> isClassOne)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new SplitMix64(seed);
        var points = new DataPoint[count];
        var labels = new int[count];
        for (var i = 0; i < count; i++)
        {
            var x1 = random.NextDouble();
            var x2 = random.NextDouble();
            points[i] = new DataPoint(x1, x2);
            labels[i] = isClassOne(points[i]) ? 1 : 0;
        }

        return new Dataset(name, points, labels);
    }
}
