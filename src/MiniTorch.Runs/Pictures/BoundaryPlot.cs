using ScottPlot;

namespace MiniTorch.Runs;

/// <summary>
/// The decision picture: the model's output over [0, 1]² as a heatmap (blue where it says class 0, red where it says
/// class 1), its 0.5 contour, and the data points coloured by their true class.
/// </summary>
/// <remarks>The square grows to take in points outside [0, 1]², as the spiral's outer points are.</remarks>
public static class BoundaryPlot
{
    /// <summary>The picture's width in pixels.</summary>
    public const int Width = 640;

    /// <summary>The picture's height in pixels.</summary>
    public const int Height = 600;

    /// <summary>How many cells the heatmap has along each axis.</summary>
    private const int Cells = 60;

    /// <summary>How many rows of the heatmap <see cref="Create"/> evaluates: the steps its progress counts.</summary>
    public const int Rows = Cells;

    /// <summary>Draws the picture.</summary>
    /// <param name="model">The model's snapshot, evaluated per cell.</param>
    /// <param name="data">The points to draw.</param>
    /// <param name="title">The title.</param>
    /// <param name="rowsDone">Receives the number of rows evaluated after each row, or <see langword="null"/>.</param>
    /// <returns>The plot, ready to save.</returns>
    public static Plot Create(ModelSnapshot model, Dataset data, string title, IProgress<int>? rowsDone = null)
    {
        var plot = Palette.NewPlot();
        var (low, high) = Square(data);
        var size = high - low;
        var outputs = new double[Cells, Cells];
        var grid = new Coordinates3d[Cells, Cells];
        for (var row = 0; row < Cells; row++)
        {
            // Row 0 of a heatmap is drawn at the top, so it holds the largest x2.
            var x2 = high - (size * (row + 0.5) / Cells);
            for (var column = 0; column < Cells; column++)
            {
                var x1 = low + (size * (column + 0.5) / Cells);
                var output = model.Evaluate(x1, x2);
                outputs[row, column] = output;
                grid[row, column] = new Coordinates3d(x1, x2, output);
            }

            rowsDone?.Report(row + 1);
        }

        var heatmap = plot.Add.Heatmap(outputs);
        heatmap.Colormap = Palette.Probability;
        heatmap.ManualRange = new ScottPlot.Range(0, 1);
        heatmap.Extent = new CoordinateRect(low, high, low, high);
        heatmap.Smooth = true;
        var contour = plot.Add.ContourLines(grid, 1);
        contour.ContourLineLevels = [0.5];
        contour.LabelStyle.IsVisible = false;
        contour.Update(grid);
        contour.LineColor = Colors.Black.WithAlpha(0.6);
        contour.LineWidth = 1.5f;
        AddPoints(plot, data, 0, Palette.ClassZero, "class 0");
        AddPoints(plot, data, 1, Palette.ClassOne, "class 1");
        var margin = 0.02 * size;
        plot.Axes.SetLimits(low - margin, high + margin, low - margin, high + margin);
        plot.Title(title);
        plot.XLabel("x1");
        plot.YLabel("x2");
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    /// <summary>The square the picture shows: [0, 1]², grown to take in every point of <paramref name="data"/>.</summary>
    /// <param name="data">The points.</param>
    /// <returns>The lowest and highest coordinate of the square, on both axes.</returns>
    public static (double Low, double High) Square(Dataset data) =>
        (Math.Min(0.0, data.Points.Select(p => Math.Min(p.X1, p.X2)).DefaultIfEmpty(0.0).Min()),
         Math.Max(1.0, data.Points.Select(p => Math.Max(p.X1, p.X2)).DefaultIfEmpty(1.0).Max()));

    private static void AddPoints(Plot plot, Dataset data, int label, Color color, string legend)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        for (var k = 0; k < data.Count; k++)
        {
            if (data.Labels[k] == label)
            {
                xs.Add(data.Points[k].X1);
                ys.Add(data.Points[k].X2);
            }
        }

        var markers = plot.Add.Markers(xs.ToArray(), ys.ToArray(), MarkerShape.FilledCircle, 9, color);
        markers.MarkerLineColor = Colors.White;
        markers.MarkerLineWidth = 1.2f;
        markers.LegendText = legend;
    }
}
