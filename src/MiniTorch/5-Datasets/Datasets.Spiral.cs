namespace MiniTorch;

public static partial class Datasets
{
    /// <summary>
    /// Spiral: two interleaved spiral arms, drawn without randomness. With h = ⌊N/2⌋, xs(t) = t·cos(t)/20 and
    /// ys(t) = t·sin(t)/20, point i = 5, 6, … of class 0 is (xs(t) + 0.5, ys(t) + 0.5) and of class 1 is
    /// (ys(−t) + 0.5, xs(−t) + 0.5), where t = 10 · (i / h). All class-0 points come first, then class 1.
    /// </summary>
    /// <param name="count">N, at least 0.</param>
    /// <returns>
    /// Exactly N points. For even N this is MiniTorch's spiral (h points per class). For odd N, class 0 gets one more
    /// point, i = 5 + h, which continues its arm on the same t grid; MiniTorch instead returns N − 1 points. For N = 1,
    /// where h = 0, the single class-0 point uses h = 1 as the divisor. Points reach slightly outside [0, 1]².
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static Dataset Spiral(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var half = count / 2;
        var divisor = (double)Math.Max(half, 1);
        var classZero = count - half;
        var points = new DataPoint[count];
        var labels = new int[count];
        for (var k = 0; k < classZero; k++)
        {
            var t = 10.0 * ((5 + k) / divisor);
            points[k] = new DataPoint(Xs(t) + 0.5, Ys(t) + 0.5);
        }

        for (var k = 0; k < half; k++)
        {
            var t = 10.0 * ((5 + k) / divisor);
            points[classZero + k] = new DataPoint(Ys(-t) + 0.5, Xs(-t) + 0.5);
            labels[classZero + k] = 1;
        }

        return new Dataset("Spiral", points, labels);
    }

    private static double Xs(double t) => t * Math.Cos(t) / 20.0;

    private static double Ys(double t) => t * Math.Sin(t) / 20.0;
}
