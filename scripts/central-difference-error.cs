#:package ScottPlot
#:project ../src/MiniTorch.Runs/MiniTorch.Runs.csproj

// Draws Guide 1's figure: the error of the one-sided and the central difference of sin at x = 1 against the step ε,
// on log-log axes (what `minitorch plot` does not draw). Run by scripts/make-figures.sh:
//   dotnet run scripts/central-difference-error.cs -- docs/images/central-difference-error.svg
// A .NET 10 file-based program rather than a sample, because it draws with ScottPlot and the samples use only the library.
using System.Globalization;
using MiniTorch;
using MiniTorch.Runs;
using ScottPlot;

var output = args.Length == 1 ? args[0] : throw new ArgumentException("usage: dotnet run scripts/central-difference-error.cs -- OUT.svg");
const double X = 1.0;
var exact = Math.Cos(X);
var exponents = Enumerable.Range(0, 57).Select(k => -1.0 - (k / 4.0)).ToArray();   // ε from 1e-1 down to 1e-15
var oneSided = new List<double>();
var central = new List<double>();
foreach (var exponent in exponents)
{
    var epsilon = Math.Pow(10, exponent);
    oneSided.Add(Math.Abs(((Math.Sin(X + epsilon) - Math.Sin(X)) / epsilon) - exact));
    central.Add(Math.Abs(Autodiff.CentralDifference(v => Math.Sin(v[0]), [X], 0, epsilon) - exact));
}

var font = Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? ".", "..", "src", "MiniTorch.Runs", "Pictures", "Fonts", "DejaVuSans.ttf");
if (!File.Exists(font))
{
    throw new FileNotFoundException($"the bundled font is missing: {font}");
}

Fonts.AddFontFile("DejaVu Sans", font);
using var plot = new Plot();
plot.Font.Set("DejaVu Sans");
AddCurve(oneSided, "#1F5FAD", "one-sided: (f(x+ε) − f(x)) / ε");
AddCurve(central, "#C0392B", "central: (f(x+ε) − f(x−ε)) / 2ε  (Autodiff.CentralDifference)");
plot.Axes.Bottom.TickGenerator = PowersOfTen();
plot.Axes.Left.TickGenerator = PowersOfTen();
plot.Title("Error of the difference quotient of sin at x = 1");
plot.XLabel("step ε");
plot.YLabel("|estimate − cos 1|");
plot.ShowLegend(Edge.Bottom);
AtomicFile.WriteAllText(output, plot.GetSvgXml(800, 520));
Console.WriteLine($"wrote {output}");

// Zero errors (exact by luck) have no logarithm; they are left out.
void AddCurve(List<double> errors, string color, string legend)
{
    var kept = Enumerable.Range(0, errors.Count).Where(k => errors[k] > 0).ToArray();
    var line = plot.Add.ScatterLine(kept.Select(k => exponents[k]).ToArray(), kept.Select(k => Math.Log10(errors[k])).ToArray(), Color.FromHex(color));
    line.LineWidth = 2;
    line.MarkerSize = 5;
    line.MarkerShape = MarkerShape.FilledCircle;
    line.LegendText = legend;
}

static ScottPlot.TickGenerators.NumericAutomatic PowersOfTen() => new()
{
    IntegerTicksOnly = true,
    LabelFormatter = power => "1e" + power.ToString("0", CultureInfo.InvariantCulture),
};
