using ScottPlot;
using SkiaSharp;

namespace MiniTorch.Runs;

/// <summary>Saves a plot, or several side by side, as a PNG and an SVG of the same size, each written atomically.</summary>
public static class PlotFiles
{
    /// <summary>Writes <c>name.png</c> and <c>name.svg</c> into <paramref name="folder"/>.</summary>
    /// <param name="plot">The plot.</param>
    /// <param name="folder">An existing folder.</param>
    /// <param name="name">The file name without extension.</param>
    /// <param name="width">The width in pixels.</param>
    /// <param name="height">The height in pixels.</param>
    public static void Save(Plot plot, string folder, string name, int width, int height)
    {
        AtomicFile.WriteAllBytes(Path.Combine(folder, name + ".png"), plot.GetImageBytes(width, height, ImageFormat.Png));
        AtomicFile.WriteAllText(Path.Combine(folder, name + ".svg"), plot.GetSvgXml(width, height));
    }

    /// <summary>Writes one file, a PNG or an SVG as its extension says (<c>.png</c> or <c>.svg</c>, any case).</summary>
    /// <param name="plot">The plot.</param>
    /// <param name="path">The file.</param>
    /// <param name="width">The width in pixels.</param>
    /// <param name="height">The height in pixels.</param>
    /// <exception cref="ArgumentException">The extension is neither <c>.png</c> nor <c>.svg</c>.</exception>
    public static void SaveAs(Plot plot, string path, int width, int height)
    {
        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".png":
                AtomicFile.WriteAllBytes(path, plot.GetImageBytes(width, height, ImageFormat.Png));
                break;
            case ".svg":
                AtomicFile.WriteAllText(path, plot.GetSvgXml(width, height));
                break;
            default:
                throw new ArgumentException($"'{path}' is neither a .png nor an .svg file.", nameof(path));
        }
    }

    /// <summary>
    /// Writes <c>name.png</c> and <c>name.svg</c> into <paramref name="folder"/>: the plots in a grid of
    /// <paramref name="columns"/> columns, row by row, each in a cell of the given size.
    /// </summary>
    /// <param name="plots">The plots, in reading order.</param>
    /// <param name="columns">The cells per row.</param>
    /// <param name="folder">An existing folder.</param>
    /// <param name="name">The file name without extension.</param>
    /// <param name="cellWidth">The width of one cell in pixels.</param>
    /// <param name="cellHeight">The height of one cell in pixels.</param>
    public static void SaveGrid(IReadOnlyList<Plot> plots, int columns, string folder, string name, int cellWidth, int cellHeight)
    {
        var rows = (plots.Count + columns - 1) / columns;
        var (width, height) = (columns * cellWidth, rows * cellHeight);
        using (var surface = SKSurface.Create(new SKImageInfo(width, height)))
        {
            DrawGrid(surface.Canvas, plots, columns, cellWidth, cellHeight);
            using var image = surface.Snapshot();
            using var png = image.Encode(SKEncodedImageFormat.Png, 100);
            AtomicFile.WriteAllBytes(Path.Combine(folder, name + ".png"), png.ToArray());
        }

        using var svg = new MemoryStream();
        using (var canvas = SKSvgCanvas.Create(SKRect.Create(width, height), svg))
        {
            DrawGrid(canvas, plots, columns, cellWidth, cellHeight);
        }

        AtomicFile.WriteAllBytes(Path.Combine(folder, name + ".svg"), svg.ToArray());
    }

    // Each plot clears its whole canvas before drawing unless told not to, which would wipe the cells drawn before it.
    private static void DrawGrid(SKCanvas canvas, IReadOnlyList<Plot> plots, int columns, int cellWidth, int cellHeight)
    {
        canvas.Clear(SKColors.White);
        for (var k = 0; k < plots.Count; k++)
        {
            var (left, top) = (k % columns * cellWidth, k / columns * cellHeight);
            plots[k].RenderManager.ClearCanvasBeforeEachRender = false;
            plots[k].Render(canvas, new PixelRect(left, left + cellWidth, top + cellHeight, top));
        }
    }
}
