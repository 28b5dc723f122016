using System.Globalization;
using MiniTorch.Runs;

namespace MiniTorch.Web.Training;

/// <summary>
/// Draws a network's <see cref="ModelPicture"/>s, as often as a run asks: its forward pass is evaluated per cell
/// through a <see cref="RecordedNetwork"/>, with the parameters' current values.
/// </summary>
/// <remarks>
/// The resolution follows the network's size, so that one picture costs about <see cref="StepBudget"/> tape steps: 64
/// cells a side for MiniTorch's networks, fewer (at least 20) for wide ones, whose pictures would otherwise cost more
/// than their epochs. Not thread-safe; draw between epochs.
/// </remarks>
internal sealed class PictureDrawer
{
    /// <summary>The most units of a layer a picture shows: wider layers show their strongest.</summary>
    public const int ShownUnits = 12;

    /// <summary>About how many tape steps one picture replays.</summary>
    public const long StepBudget = 25_000_000;

    private const int MinCells = 20;

    private readonly Linear[] _layers;
    private readonly RecordedNetwork _network;

    /// <summary>Prepares the pictures of <paramref name="network"/>.</summary>
    /// <param name="network">A network of <see cref="NetworkShape"/>.</param>
    public PictureDrawer(Module<Scalar[], Scalar> network)
    {
        _layers = [.. network.Modules().OfType<Linear>()];
        _network = new RecordedNetwork(network);
        var cells = (int)Math.Sqrt(StepBudget / Math.Max(1, _network.StepsPerPoint));
        Cells = Math.Clamp(cells - (cells % 2), MinCells, ModelPicture.MaxCells);
    }

    /// <summary>How many cells the output has along each axis.</summary>
    public int Cells { get; }

    /// <summary>The square of the pictures: <see cref="BoundaryPlot.Square"/> of the training points, grown to take in the test points.</summary>
    /// <param name="data">The training points.</param>
    /// <param name="test">The test points, or <see langword="null"/>.</param>
    /// <returns>The lowest and highest coordinate, on both axes.</returns>
    public static (double Low, double High) Square(Dataset data, Dataset? test)
    {
        var (low, high) = BoundaryPlot.Square(data);
        if (test is not null)
        {
            var (testLow, testHigh) = BoundaryPlot.Square(test);
            (low, high) = (Math.Min(low, testLow), Math.Max(high, testHigh));
        }

        return (low, high);
    }

    /// <summary>Draws the network as its parameters stand now.</summary>
    /// <param name="low">The lowest coordinate of the square.</param>
    /// <param name="high">The highest coordinate of the square.</param>
    /// <param name="gradients">Each parameter's gradient in the last step, in <see cref="Module.Parameters"/> order; empty before the first epoch.</param>
    /// <returns>The picture.</returns>
    public ModelPicture Draw(double low, double high, IReadOnlyList<double?> gradients)
    {
        _network.ReadParameters();
        var shown = ShownUnitsOfEachLayer();
        var unitCells = Cells / 2;
        var output = new byte[Cells * Cells];
        var values = shown.Select(layer => layer.Select(_ => new double[unitCells * unitCells]).ToArray()).ToArray();
        for (var row = 0; row < Cells; row++)
        {
            for (var column = 0; column < Cells; column++)
            {
                var (x1, x2) = ModelPicture.CellCentre(low, high, Cells, row, column);
                var probability = _network.Evaluate(x1, x2);
                output[(row * Cells) + column] = ModelPicture.OutputByte(probability);
                if (row % 2 == 0 && column % 2 == 0)
                {
                    var cell = (row / 2 * unitCells) + (column / 2);
                    for (var layer = 0; layer < shown.Length; layer++)
                    {
                        for (var k = 0; k < shown[layer].Length; k++)
                        {
                            values[layer][k][cell] = _network.Unit(layer, shown[layer][k]);
                        }
                    }
                }
            }
        }

        var layers = new PictureLayer[shown.Length];
        for (var layer = 0; layer < shown.Length; layer++)
        {
            var scale = Math.Max(1e-12, values[layer].SelectMany(v => v).Select(Math.Abs).DefaultIfEmpty(0).Max());
            layers[layer] = new PictureLayer(
                string.Create(CultureInfo.InvariantCulture, $"layer{layer + 1}"),
                _network.Widths[layer],
                Rounded(scale),
                [.. shown[layer].Select((unit, k) => new PictureUnit(unit, Rounded(Strength(layer, unit)), Quantised(values[layer][k], scale)))]);
        }

        return new ModelPicture(low, high, Cells, Convert.ToBase64String(output), unitCells, layers, Links(shown, gradients));
    }

    // Six significant digits: more than a hover shows, and half the characters of a round-trip double.
    private static double Rounded(double value) =>
        double.IsFinite(value) ? double.Parse(value.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : value;

    private static string Quantised(double[] values, double scale) =>
        Convert.ToBase64String(Array.ConvertAll(values, v => (byte)Math.Round(255 * Math.Clamp(((v / scale) + 1) / 2, 0.0, 1.0))));

    // The sum of |w| over the weights that leave unit `unit` of hidden layer `layer`: its pull on the next layer.
    private double Strength(int layer, int unit)
    {
        var next = _layers[layer + 1];
        var sum = 0.0;
        for (var j = 0; j < next.OutSize; j++)
        {
            sum += Math.Abs(next.Weight(unit, j).Value.Data);
        }

        return sum;
    }

    // Each layer's strongest units, at most ShownUnits, in index order so that they keep their places between frames.
    private int[][] ShownUnitsOfEachLayer() =>
        [.. _network.Widths.Select((width, layer) => width <= ShownUnits
            ? Enumerable.Range(0, width).ToArray()
            : Enumerable.Range(0, width).OrderByDescending(unit => Strength(layer, unit)).Take(ShownUnits).Order().ToArray())];

    private PictureLink[] Links(int[][] shown, IReadOnlyList<double?> gradients)
    {
        var links = new PictureLink[_layers.Length];
        var offset = 0;
        for (var k = 0; k < _layers.Length; k++)
        {
            var layer = _layers[k];
            int[] from = k == 0 ? [0, 1] : shown[k - 1];
            int[] to = k == _layers.Length - 1 ? [0] : shown[k];
            var weights = new double[from.Length * to.Length];
            var grads = gradients.Count == 0 ? null : new double[weights.Length];
            for (var a = 0; a < from.Length; a++)
            {
                for (var b = 0; b < to.Length; b++)
                {
                    weights[(a * to.Length) + b] = Rounded(layer.Weight(from[a], to[b]).Value.Data);
                    if (grads is not null)
                    {
                        grads[(a * to.Length) + b] = Rounded(gradients[offset + (from[a] * layer.OutSize) + to[b]] ?? 0.0);
                    }
                }
            }

            links[k] = new PictureLink(from, to, weights, grads);
            offset += (layer.InSize + 1) * layer.OutSize;
        }

        return links;
    }
}
