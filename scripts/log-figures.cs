#:package ScottPlot
#:project ../src/MiniTorch.Runs/MiniTorch.Runs.csproj

// Draws the guides' two figures of tiny quantities on a logarithmic axis, which `minitorch plot` does not draw. Run by
// scripts/make-figures.sh:
//   dotnet run scripts/log-figures.cs -- central-difference docs/images/central-difference-error.svg
//     guide 1: the error of the one-sided and the central difference of sin at x = 1 against the step ε, log-log
//   dotnet run scripts/log-figures.cs -- sigmoid-gap docs/images/sigmoid-gap.svg
//     guide A: how much σ grows over a step of 10⁻³ against the gap from σ(x) to the next double, for x from −40 to
//     40; where the growth falls below the gap, σ(x) and σ(x + 10⁻³) are the same double, and "σ is strictly
//     increasing" is false in floating point
// A .NET 10 file-based program rather than a sample, because it draws with ScottPlot and the samples use only the library.
using System.Globalization;
using MiniTorch;
using MiniTorch.Runs;
using ScottPlot;

const string Usage = "usage: dotnet run scripts/log-figures.cs -- central-difference|sigmoid-gap OUT.svg";
if (args.Length != 2)
{
    throw new ArgumentException(Usage);
}

var output = args[1];
var font = Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? ".", "..", "src", "MiniTorch.Runs", "Pictures", "Fonts", "DejaVuSans.ttf");
if (!File.Exists(font))
{
    throw new FileNotFoundException($"the bundled font is missing: {font}");
}

Fonts.AddFontFile("DejaVu Sans", font);
using var plot = new Plot();
plot.Font.Set("DejaVu Sans");
switch (args[0])
{
    case "central-difference":
        DrawCentralDifference();
        break;
    case "sigmoid-gap":
        DrawSigmoidGap();
        break;
    default:
        throw new ArgumentException(Usage);
}

plot.ShowLegend(Edge.Bottom);
AtomicFile.WriteAllText(output, plot.GetSvgXml(800, 520));
Console.WriteLine($"wrote {output}");

void DrawCentralDifference()
{
    const double X = 1.0;
    var exact = Math.Cos(X);
    var exponents = Enumerable.Range(0, 57).Select(k => -1.0 - (k / 4.0)).ToArray();   // ε from 1e-1 down to 1e-15
    var steps = exponents.Select(e => Math.Pow(10, e)).ToArray();
    var oneSided = steps.Select(eps => Math.Abs(((Math.Sin(X + eps) - Math.Sin(X)) / eps) - exact)).ToArray();
    var central = steps.Select(eps => Math.Abs(Autodiff.CentralDifference(v => Math.Sin(v[0]), [X], 0, eps) - exact)).ToArray();

    // Zero errors (exact by luck) have no logarithm; they are left out.
    AddLogCurve(exponents, oneSided, "#1F5FAD", "one-sided: (f(x+ε) − f(x)) / ε", markers: true);
    AddLogCurve(exponents, central, "#C0392B", "central: (f(x+ε) − f(x−ε)) / 2ε  (Autodiff.CentralDifference)", markers: true);
    plot.Axes.Bottom.TickGenerator = PowersOfTen();
    plot.Axes.Left.TickGenerator = PowersOfTen();
    plot.Title("Error of the difference quotient of sin at x = 1");
    plot.XLabel("step ε");
    plot.YLabel("|estimate − cos 1|");
}

void DrawSigmoidGap()
{
    const double Step = 1e-3;
    var xs = Enumerable.Range(0, 801).Select(k => -40.0 + (k / 10.0)).ToArray();
    var growth = xs.Select(x => Operators.Sigmoid(x + Step) - Operators.Sigmoid(x)).ToArray();
    var spacing = xs.Select(x => Math.BitIncrement(Operators.Sigmoid(x)) - Operators.Sigmoid(x)).ToArray();

    // Zero growth (the two values are the same double) has no logarithm: it is left out.
    AddLogCurve(xs, growth, "#C0392B", "σ(x + 0.001) − σ(x), where it is not 0", markers: false);
    AddLogCurve(xs, spacing, "#1F5FAD", "the gap from σ(x) to the next double", markers: false);
    plot.Axes.Left.TickGenerator = PowersOfTen();
    var zero = xs.First(x => Operators.Sigmoid(x + Step) == Operators.Sigmoid(x) && x > 0);
    var line = plot.Add.VerticalLine(zero, 1, Color.FromHex("#555555"));
    line.LinePattern = LinePattern.Dashed;
    line.LegendText = string.Create(CultureInfo.InvariantCulture, $"from x ≈ {zero:0.#}, σ(x + 0.001) = σ(x)");
    plot.Title("Does σ(x + 0.001) differ from σ(x) in doubles?");
    plot.XLabel("x");
    plot.YLabel("size (log scale)");
}

// A curve of log10(value) against x, through the positive values only.
void AddLogCurve(double[] xs, double[] values, string color, string legend, bool markers)
{
    var kept = Enumerable.Range(0, values.Length).Where(k => values[k] > 0).ToArray();
    var curve = plot.Add.ScatterLine(kept.Select(k => xs[k]).ToArray(), kept.Select(k => Math.Log10(values[k])).ToArray(), Color.FromHex(color));
    curve.LineWidth = 2;
    curve.LegendText = legend;
    if (markers)
    {
        curve.MarkerSize = 5;
        curve.MarkerShape = MarkerShape.FilledCircle;
    }
}

static ScottPlot.TickGenerators.NumericAutomatic PowersOfTen() => new()
{
    IntegerTicksOnly = true,
    LabelFormatter = power => "1e" + power.ToString("0", CultureInfo.InvariantCulture),
};
