using MiniTorch.Expressions;
using ScottPlot;

namespace MiniTorch.Runs;

/// <summary>
/// A function of one variable and its derivative: f as a line, the autodiff derivative as a line, and the central
/// difference as open circles on the derivative at every <see cref="MarkerEvery"/>th sample, where they should sit
/// (none where autodiff gives no finite derivative, as at a pole, where the difference quotient is only a huge number).
/// </summary>
public static class FunctionPlot
{
    /// <summary>The picture's width in pixels.</summary>
    public const int Width = 800;

    /// <summary>The picture's height in pixels.</summary>
    public const int Height = 500;

    /// <summary>A central-difference marker is drawn at every this many samples, so that the line under them stays visible.</summary>
    public const int MarkerEvery = 10;

    /// <summary>Draws the picture; NaN and infinite values leave gaps.</summary>
    /// <param name="title">The title, for example the expression.</param>
    /// <param name="variable">The variable's name, for the axis and the legend.</param>
    /// <param name="samples">f, its autodiff derivative and the central difference at increasing x, as <see cref="FunctionSampling.Sample"/> gives them.</param>
    /// <returns>The plot, ready to save.</returns>
    public static Plot Create(string title, string variable, IReadOnlyList<FunctionSample> samples)
    {
        var xs = samples.Select(s => s.X).ToArray();
        var derivatives = samples.Select(s => s.Derivative).ToArray();
        var centralDifferences = samples.Select(s => s.CentralDifference).ToArray();
        var plot = Palette.NewPlot();
        var zero = plot.Add.HorizontalLine(0, 1, Colors.Gray.WithAlpha(0.5));
        zero.ExcludeFromLegend = true;
        AddLine(plot, xs, samples.Select(s => s.Value).ToArray(), Palette.ClassZero, $"f({variable})");
        AddLine(plot, xs, derivatives, Palette.ClassOne, $"df/d{variable} by autodiff (Backward)");
        var marked = Enumerable.Range(0, xs.Length)
            .Where(k => (k % MarkerEvery == 0 || k == xs.Length - 1) && double.IsFinite(centralDifferences[k]) && double.IsFinite(derivatives[k]))
            .ToArray();
        var markers = plot.Add.Markers(
            marked.Select(k => xs[k]).ToArray(), marked.Select(k => centralDifferences[k]).ToArray(), MarkerShape.OpenCircle, 9, Colors.Black);
        markers.LegendText = $"df/d{variable} by central difference";
        plot.Title(title);
        plot.XLabel(variable);
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    // One line per run of finite values, so that a pole or an overflow leaves a gap instead of a vertical stroke.
    private static void AddLine(Plot plot, double[] xs, double[] ys, Color color, string legend)
    {
        var first = true;
        var start = 0;
        while (start < xs.Length)
        {
            while (start < xs.Length && !double.IsFinite(ys[start]))
            {
                start++;
            }

            var end = start;
            while (end < xs.Length && double.IsFinite(ys[end]))
            {
                end++;
            }

            if (end > start)
            {
                var line = plot.Add.ScatterLine(xs[start..end], ys[start..end], color);
                line.LineWidth = 2;
                line.LegendText = first ? legend : string.Empty;
                first = false;
            }

            start = end;
        }
    }
}
