#:package ScottPlot
#:project ../src/MiniTorch.Runs/MiniTorch.Runs.csproj

// Draws the figure of the operators' guide (docs/guides/0a-operators.md): how much σ grows over a step of 10⁻³,
// against the gap between σ(x) and the next double, for x from −40 to 40. Where the growth falls below the gap,
// σ(x) and σ(x + 10⁻³) are the same double, and "σ is strictly increasing" is false in floating point. Run by
// scripts/make-figures.sh:
//   dotnet run scripts/sigmoid-gap.cs -- docs/images/sigmoid-gap.svg
using System.Globalization;
using MiniTorch;
using MiniTorch.Runs;
using ScottPlot;

var output = args.Length == 1 ? args[0] : throw new ArgumentException("usage: dotnet run scripts/sigmoid-gap.cs -- OUT.svg");
const double Step = 1e-3;
var xs = Enumerable.Range(0, 801).Select(k => -40.0 + (k / 10.0)).ToArray();
var growth = xs.Select(x => Operators.Sigmoid(x + Step) - Operators.Sigmoid(x)).ToArray();
var spacing = xs.Select(x => Math.BitIncrement(Operators.Sigmoid(x)) - Operators.Sigmoid(x)).ToArray();

var font = Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? ".", "..", "src", "MiniTorch.Runs", "Pictures", "Fonts", "DejaVuSans.ttf");
if (!File.Exists(font))
{
    throw new FileNotFoundException($"the bundled font is missing: {font}");
}

Fonts.AddFontFile("DejaVu Sans", font);
using var plot = new Plot();
plot.Font.Set("DejaVu Sans");
AddCurve(growth, "#C0392B", "σ(x + 0.001) − σ(x), where it is not 0");
AddCurve(spacing, "#1F5FAD", "the gap from σ(x) to the next double");
plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
{
    IntegerTicksOnly = true,
    LabelFormatter = power => "1e" + power.ToString("0", CultureInfo.InvariantCulture),
};
var zero = xs.First(x => Operators.Sigmoid(x + Step) == Operators.Sigmoid(x) && x > 0);
var line = plot.Add.VerticalLine(zero, 1, Color.FromHex("#555555"));
line.LinePattern = LinePattern.Dashed;
line.LegendText = string.Create(CultureInfo.InvariantCulture, $"from x ≈ {zero:0.#}, σ(x + 0.001) = σ(x)");
plot.Title("Does σ(x + 0.001) differ from σ(x) in doubles?");
plot.XLabel("x");
plot.YLabel("size (log scale)");
plot.ShowLegend(Edge.Bottom);
AtomicFile.WriteAllText(output, plot.GetSvgXml(800, 520));
Console.WriteLine($"wrote {output}");

// Zero growth (the two values are the same double) has no logarithm: it is left out.
void AddCurve(double[] values, string color, string legend)
{
    var kept = Enumerable.Range(0, values.Length).Where(k => values[k] > 0).ToArray();
    var curve = plot.Add.ScatterLine(kept.Select(k => xs[k]).ToArray(), kept.Select(k => Math.Log10(values[k])).ToArray(), Color.FromHex(color));
    curve.LineWidth = 2;
    curve.LegendText = legend;
}
