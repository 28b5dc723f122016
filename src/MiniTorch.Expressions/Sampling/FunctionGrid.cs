namespace MiniTorch.Expressions;

/// <summary>
/// A function of two variables, its two derivatives and their central-difference estimates on a grid, as <see cref="FunctionSampling.SampleGrid"/>
/// computes them, for heatmaps. Every table is indexed [row][column]: row j is <see cref="Ys"/>[j], column i is
/// <see cref="Xs"/>[i]. A value that is not finite is NaN, and so are both derivatives where f is not finite.
/// </summary>
public sealed class FunctionGrid
{
    internal FunctionGrid(
        double[] xs, double[] ys, double[][] values, double[][] xDerivatives, double[][] yDerivatives, double[][] xCentralDifferences, double[][] yCentralDifferences)
    {
        XCentralDifferences = xCentralDifferences;
        YCentralDifferences = yCentralDifferences;
        Xs = xs;
        Ys = ys;
        Values = values;
        XDerivatives = xDerivatives;
        YDerivatives = yDerivatives;
    }

    /// <summary>The values of the first variable, one per column.</summary>
    public IReadOnlyList<double> Xs { get; }

    /// <summary>The values of the second variable, one per row.</summary>
    public IReadOnlyList<double> Ys { get; }

    /// <summary>f(x, y).</summary>
    public IReadOnlyList<IReadOnlyList<double>> Values { get; }

    /// <summary>∂f/∂x by autodiff.</summary>
    public IReadOnlyList<IReadOnlyList<double>> XDerivatives { get; }

    /// <summary>∂f/∂y by autodiff.</summary>
    public IReadOnlyList<IReadOnlyList<double>> YDerivatives { get; }

    /// <summary>∂f/∂x estimated by central difference, to check <see cref="XDerivatives"/>.</summary>
    public IReadOnlyList<IReadOnlyList<double>> XCentralDifferences { get; }

    /// <summary>∂f/∂y estimated by central difference, to check <see cref="YDerivatives"/>.</summary>
    public IReadOnlyList<IReadOnlyList<double>> YCentralDifferences { get; }
}
