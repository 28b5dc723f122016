namespace MiniTorch.Expressions;

/// <summary>
/// Samples an expression and its derivatives over an interval or a grid, for plotting a function beside its
/// derivative: autodiff through the Scalar graph, and the central difference to check it.
/// </summary>
/// <remarks>
/// Each point builds the expression's graph afresh with <see cref="Expression.Evaluate"/> and calls
/// <see cref="Scalar.Backward"/> on it. Arithmetic follows IEEE rules, and what is not finite is reported as NaN, a gap
/// in a plot, rather than an exception: where the function is NaN or infinite (1/x at 0, log of a negative number), its
/// value and derivatives are all NaN; elsewhere a derivative that is not finite is NaN. Inside an
/// <see cref="Autodiff.DetectAnomalies"/> scope such a point throws instead, as every evaluation does.
/// </remarks>
public static class FunctionSampling
{
    /// <summary>The most points one call evaluates: 10,000 (an axis of 10,000, or a grid of 100 × 100).</summary>
    public const int MaxPoints = 10_000;

    /// <summary>Samples f(x), its autodiff derivative and the central difference at every value of an axis.</summary>
    /// <param name="expression">The function.</param>
    /// <param name="axis">The variable to sweep and where; it need not occur in the expression (then df/dx is 0).</param>
    /// <param name="otherValues">A value for every other variable of the expression; an entry for the swept one is ignored.</param>
    /// <returns>One sample per value of the axis, in order.</returns>
    /// <exception cref="ExpressionException">Another variable of the expression has no value.</exception>
    public static IReadOnlyList<FunctionSample> Sample(Expression expression, SampleAxis axis, IReadOnlyDictionary<string, double> otherValues)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(axis);
        var values = Values(otherValues, axis.Variable);
        var samples = new FunctionSample[axis.Count];
        for (var i = 0; i < samples.Length; i++)
        {
            var x = axis.At(i);
            values[axis.Variable] = x;
            var (value, derivatives) = Differentiate(expression, values, axis.Variable);
            var estimate = Autodiff.CentralDifference(
                moved =>
                {
                    values[axis.Variable] = moved[0];
                    return expression.Evaluate(values).Output.Data;
                },
                [x]);
            samples[i] = new FunctionSample(x, value, derivatives[0], double.IsNaN(value) ? double.NaN : Gap(estimate));
        }

        return samples;
    }

    /// <summary>
    /// Samples f(x, y), its two autodiff derivatives and their central-difference estimates on the grid of two axes.
    /// </summary>
    /// <param name="expression">The function.</param>
    /// <param name="x">The first variable, one column per value.</param>
    /// <param name="y">The second variable, one row per value; not the same variable as <paramref name="x"/>.</param>
    /// <param name="otherValues">A value for every other variable of the expression; entries for x and y are ignored.</param>
    /// <returns>The grid.</returns>
    /// <exception cref="ArgumentException">Both axes sweep the same variable.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The grid has more than <see cref="MaxPoints"/> points.</exception>
    /// <exception cref="ExpressionException">Another variable of the expression has no value.</exception>
    public static FunctionGrid SampleGrid(Expression expression, SampleAxis x, SampleAxis y, IReadOnlyDictionary<string, double> otherValues)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Variable == y.Variable)
        {
            throw new ArgumentException($"The two axes must sweep different variables, but both sweep '{x.Variable}'.", nameof(y));
        }

        if ((long)x.Count * y.Count > MaxPoints)
        {
            throw new ArgumentOutOfRangeException(
                nameof(y), $"A grid of {x.Count} × {y.Count} points is larger than {MaxPoints} points.");
        }

        var values = Values(otherValues, x.Variable, y.Variable);
        var xs = Enumerable.Range(0, x.Count).Select(x.At).ToArray();
        var ys = Enumerable.Range(0, y.Count).Select(y.At).ToArray();
        var table = NewTable(ys.Length, xs.Length);
        var byX = NewTable(ys.Length, xs.Length);
        var byY = NewTable(ys.Length, xs.Length);
        var estimatedX = NewTable(ys.Length, xs.Length);
        var estimatedY = NewTable(ys.Length, xs.Length);
        double ValueAt(double[] point)
        {
            values[x.Variable] = point[0];
            values[y.Variable] = point[1];
            return expression.Evaluate(values).Output.Data;
        }

        for (var row = 0; row < ys.Length; row++)
        {
            for (var column = 0; column < xs.Length; column++)
            {
                values[y.Variable] = ys[row];
                values[x.Variable] = xs[column];
                var (value, derivatives) = Differentiate(expression, values, x.Variable, y.Variable);
                table[row][column] = value;
                byX[row][column] = derivatives[0];
                byY[row][column] = derivatives[1];
                estimatedX[row][column] = double.IsNaN(value) ? double.NaN : Gap(Autodiff.CentralDifference(ValueAt, [xs[column], ys[row]], 0));
                estimatedY[row][column] = double.IsNaN(value) ? double.NaN : Gap(Autodiff.CentralDifference(ValueAt, [xs[column], ys[row]], 1));
            }
        }

        return new FunctionGrid(xs, ys, table, byX, byY, estimatedX, estimatedY);
    }

    // f and ∂f/∂v for each named variable v, from one graph and one backward pass; 0 for a variable the expression lacks.
    // All NaN where f is not finite.
    private static (double Value, double[] Derivatives) Differentiate(Expression expression, Dictionary<string, double> values, params string[] variables)
    {
        var evaluation = expression.Evaluate(values);
        var value = Gap(evaluation.Output.Data);
        if (double.IsNaN(value))
        {
            return (value, Array.ConvertAll(variables, _ => double.NaN));
        }

        evaluation.Output.Backward();
        var derivatives = Array.ConvertAll(
            variables, name => Gap(evaluation.Variables.FirstOrDefault(leaf => leaf.Name == name)?.Derivative ?? 0.0));
        return (value, derivatives);
    }

    private static Dictionary<string, double> Values(IReadOnlyDictionary<string, double> otherValues, params string[] swept)
    {
        ArgumentNullException.ThrowIfNull(otherValues);
        var values = new Dictionary<string, double>(otherValues, StringComparer.Ordinal);
        foreach (var name in swept)
        {
            values[name] = 0.0;
        }

        return values;
    }

    private static double[][] NewTable(int rows, int columns) =>
        [.. Enumerable.Range(0, rows).Select(_ => new double[columns])];

    private static double Gap(double value) => double.IsFinite(value) ? value : double.NaN;
}
