using MiniTorch.Runs;

namespace MiniTorch.Web.Training;

/// <summary>
/// The numbers the page draws for a network: its output over the square that <c>minitorch train</c>'s boundary
/// picture shows (<see cref="BoundaryPlot.Square"/>), and the output of every hidden unit (after relu) over the same
/// square at half the resolution.
/// </summary>
/// <param name="Low">The lowest coordinate of the square, on both axes.</param>
/// <param name="High">The highest coordinate of the square.</param>
/// <param name="Cells">How many cells the boundary has along each axis.</param>
/// <param name="Output">The network's output per cell, row by row, the top row (largest x2) first, x1 growing along a row.</param>
/// <param name="UnitCells">How many cells a hidden unit's picture has along each axis.</param>
/// <param name="Layers">The hidden layers, layer1 then layer2.</param>
internal sealed record ModelPicture(double Low, double High, int Cells, double[] Output, int UnitCells, HiddenLayer[] Layers)
{
    /// <summary>The boundary's cells along each axis.</summary>
    public const int BoundaryCells = 40;

    // Four decimals are more than a colour shows, and keep a frame small.
    private const int Decimals = 4;

    /// <summary>
    /// Evaluates <paramref name="network"/> over the square: its forward pass per cell, through your <see cref="Scalar"/>
    /// functions (the library records it once as a tape and replays that; the course has no tape), keeping the hidden
    /// units' values on every other cell.
    /// </summary>
    /// <param name="network">The network, with its current parameters.</param>
    /// <param name="data">The points, which set the square.</param>
    /// <returns>The numbers.</returns>
    public static ModelPicture Draw(Network network, Dataset data)
    {
        var (low, high) = BoundaryPlot.Square(data);
        var unitCells = BoundaryCells / 2;
        var output = new double[BoundaryCells * BoundaryCells];
        double[][][]? unitValues = null;
        var size = high - low;
        for (var row = 0; row < BoundaryCells; row++)
        {
            for (var column = 0; column < BoundaryCells; column++)
            {
                var x1 = low + (size * (column + 0.5) / BoundaryCells);
                var x2 = high - (size * (row + 0.5) / BoundaryCells);
                var pass = network.Activations([Scalar.Constant(x1), Scalar.Constant(x2)]);
                output[(row * BoundaryCells) + column] = Math.Round(pass.Output.Data, Decimals);
                unitValues ??= [.. pass.Hidden.Select(layer => layer.Select(_ => new double[unitCells * unitCells]).ToArray())];
                if (row % 2 == 0 && column % 2 == 0)
                {
                    var cell = (row / 2 * unitCells) + (column / 2);
                    for (var layer = 0; layer < unitValues.Length; layer++)
                    {
                        for (var unit = 0; unit < unitValues[layer].Length; unit++)
                        {
                            unitValues[layer][unit][cell] = Math.Round(pass.Hidden[layer][unit].Data, Decimals);
                        }
                    }
                }
            }
        }

        HiddenLayer[] layers =
        [
            .. unitValues!.Select((layer, k) => new HiddenLayer($"layer{k + 1}", [.. layer.Select(v => new HiddenUnit(v.Max(), v))])),
        ];
        return new ModelPicture(low, high, BoundaryCells, output, unitCells, layers);
    }
}

/// <summary>The pictures of one hidden layer's units.</summary>
/// <param name="Name">layer1 or layer2.</param>
/// <param name="Units">One picture per unit, in order.</param>
internal sealed record HiddenLayer(string Name, HiddenUnit[] Units);

/// <summary>One hidden unit's output (a relu, so at least 0) over the square.</summary>
/// <param name="Max">The largest value, which the page draws darkest.</param>
/// <param name="Values">The values per cell, in the order of <see cref="ModelPicture.Output"/>.</param>
internal sealed record HiddenUnit(double Max, double[] Values);
