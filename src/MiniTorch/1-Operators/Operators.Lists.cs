namespace MiniTorch;

public static partial class Operators
{
    // course: task 0.3
    private static readonly Func<IEnumerable<double>, double[]> NegAll = Map(Neg);
    private static readonly Func<IEnumerable<double>, IEnumerable<double>, double[]> AddPairs = ZipWith(Add);
    private static readonly Func<IEnumerable<double>, double> SumAll = Reduce(Add, 0.0);
    private static readonly Func<IEnumerable<double>, double> ProdAll = Reduce(Mul, 1.0);

    /// <summary>Negates every element: negList(xs) = map(neg)(xs).</summary>
    /// <param name="xs">The values.</param>
    /// <returns>A new array of −xᵢ.</returns>
    public static double[] NegList(IEnumerable<double> xs) => NegAll(xs);

    /// <summary>Adds two sequences element by element: addLists(xs, ys) = zipWith(add)(xs, ys).</summary>
    /// <param name="xs">The left values.</param>
    /// <param name="ys">The right values, as many as <paramref name="xs"/>.</param>
    /// <returns>A new array of xᵢ + yᵢ.</returns>
    /// <exception cref="ArgumentException">The sequences differ in length.</exception>
    public static double[] AddLists(IEnumerable<double> xs, IEnumerable<double> ys) => AddPairs(xs, ys);

    /// <summary>The sum, as a left fold from 0: sum(xs) = reduce(add, 0)(xs).</summary>
    /// <param name="xs">The values.</param>
    /// <returns>x₁ + … + xₙ added left to right; sum([]) = 0.</returns>
    public static double Sum(IEnumerable<double> xs) => SumAll(xs);

    /// <summary>The product, as a left fold from 1: prod(xs) = reduce(mul, 1)(xs).</summary>
    /// <param name="xs">The values.</param>
    /// <returns>x₁ · … · xₙ multiplied left to right; prod([]) = 1.</returns>
    public static double Prod(IEnumerable<double> xs) => ProdAll(xs);
    // course: end
}
