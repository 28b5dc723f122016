using ScottPlot;

namespace MiniTorch.Runs;

/// <summary>The colours and font shared by the plots: blue for class 0, red for class 1, as in MiniTorch's app.</summary>
internal static class Palette
{
    /// <summary>Points of class 0.</summary>
    public static Color ClassZero { get; } = Color.FromHex("#1F5FAD");

    /// <summary>Points of class 1.</summary>
    public static Color ClassOne { get; } = Color.FromHex("#C0392B");

    /// <summary>The background from output 0 (light blue) through 0.5 (white) to output 1 (light red).</summary>
    public static IColormap Probability { get; } =
        new ScottPlot.Colormaps.CustomInterpolated([Color.FromHex("#6E9FD8"), Colors.White, Color.FromHex("#E8837A")]);

    /// <summary>Creates a plot whose text is drawn in the bundled font (<see cref="BundledFont"/>).</summary>
    /// <returns>An empty plot.</returns>
    public static Plot NewPlot()
    {
        BundledFont.EnsureRegistered();
        var plot = new Plot();
        plot.Font.Set(BundledFont.Name);
        return plot;
    }
}
