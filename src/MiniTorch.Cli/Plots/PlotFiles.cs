using ScottPlot;

namespace MiniTorch.Cli.Plots;

/// <summary>Saves a plot as a PNG and an SVG of the same size, each written atomically.</summary>
internal static class PlotFiles
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
}
