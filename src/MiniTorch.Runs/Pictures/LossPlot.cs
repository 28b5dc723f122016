using ScottPlot;

namespace MiniTorch.Runs;

/// <summary>The training curve: total loss per epoch (left axis) and correct points per epoch (right axis).</summary>
public static class LossPlot
{
    /// <summary>The picture's width in pixels.</summary>
    public const int Width = 800;

    /// <summary>The picture's height in pixels.</summary>
    public const int Height = 450;

    /// <summary>Draws the curves; epochs whose loss is NaN or infinite are left out.</summary>
    /// <param name="epochs">The epoch reports, in order.</param>
    /// <param name="points">N, the number of training points (the top of the right axis).</param>
    /// <param name="title">The title.</param>
    /// <returns>The plot, ready to save.</returns>
    public static Plot Create(IReadOnlyList<EpochReport> epochs, int points, string title)
    {
        var plot = Palette.NewPlot();
        var finite = epochs.Where(e => double.IsFinite(e.TotalLoss)).ToArray();
        var numbers = finite.Select(e => (double)e.Epoch).ToArray();
        var loss = plot.Add.ScatterLine(numbers, finite.Select(e => e.TotalLoss).ToArray(), Palette.ClassZero);
        loss.LegendText = "total loss";
        loss.LineWidth = 2;
        var correct = plot.Add.ScatterLine(numbers, finite.Select(e => (double)e.Correct).ToArray(), Palette.ClassOne);
        correct.LegendText = "correct";
        correct.LineWidth = 2;
        correct.Axes.YAxis = plot.Axes.Right;
        plot.Axes.AutoScale();
        plot.Axes.SetLimitsY(0, plot.Axes.GetLimits().Top, plot.Axes.Left);
        plot.Axes.SetLimitsY(0, points * 1.05, plot.Axes.Right);
        plot.Title(title);
        plot.XLabel("epoch");
        plot.Axes.Left.Label.Text = "total loss";
        plot.Axes.Right.Label.Text = "correct";
        plot.ShowLegend(Alignment.MiddleRight);
        return plot;
    }
}
