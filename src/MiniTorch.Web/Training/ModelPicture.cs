namespace MiniTorch.Web.Training;

/// <summary>
/// The numbers the page draws for a network, made compact for the event stream: its output over the square that
/// <c>minitorch train</c>'s boundary picture shows, as one byte per cell, and the network itself (<see cref="Layers"/>,
/// <see cref="Links"/>): each hidden layer's strongest units with their output over the square at half the
/// resolution, and the weights between the units shown, with the gradients their last step used.
/// </summary>
/// <param name="Low">The lowest coordinate of the square, on both axes.</param>
/// <param name="High">The highest coordinate of the square.</param>
/// <param name="Cells">How many cells the output has along each axis.</param>
/// <param name="Output">
/// The network's output per cell, row by row, the top row (largest x2) first, x1 growing along a row: round(255 · p),
/// base64.
/// </param>
/// <param name="UnitCells">How many cells a unit's picture has along each axis (the centres of every other cell).</param>
/// <param name="Layers">The hidden layers, input side first.</param>
/// <param name="Links">The weights of each layer between the units shown: inputs to layer1, …, the last layer to the output.</param>
internal sealed record ModelPicture(double Low, double High, int Cells, string Output, int UnitCells, PictureLayer[] Layers, PictureLink[] Links)
{
    /// <summary>One cell of <see cref="Output"/>: round(255 · p), p clamped to [0, 1].</summary>
    /// <param name="probability">The output P(class 1) at the cell's centre.</param>
    /// <returns>The byte.</returns>
    public static byte OutputByte(double probability) => (byte)Math.Round(255 * Math.Clamp(probability, 0.0, 1.0));

    /// <summary>The most cells a side a picture has: the resolution of MiniTorch's networks, whose steps are few.</summary>
    public const int MaxCells = 64;

    /// <summary>The point at the centre of one cell of a picture of the square [low, high]².</summary>
    /// <param name="low">The lowest coordinate of the square, on both axes.</param>
    /// <param name="high">The highest coordinate.</param>
    /// <param name="cells">How many cells the picture has along each axis.</param>
    /// <param name="row">The row, 0 at the top (largest x2).</param>
    /// <param name="column">The column, 0 at the left (smallest x1).</param>
    /// <returns>(x1, x2) at the cell's centre.</returns>
    public static (double X1, double X2) CellCentre(double low, double high, int cells, int row, int column)
    {
        var size = high - low;
        return (low + (size * (column + 0.5) / cells), high - (size * (row + 0.5) / cells));
    }
}

/// <summary>One hidden layer as the page draws it: its units shown (the strongest, at most <see cref="PictureDrawer.ShownUnits"/>) and their scale.</summary>
/// <param name="Name">layer1, layer2, ….</param>
/// <param name="Width">How many units the layer has; those not in <paramref name="Units"/> are hidden from the picture.</param>
/// <param name="Scale">
/// S, the largest |value| of the layer's units shown over the square: a unit's bytes are round(255 · (v / S + 1) / 2),
/// so 0 is 128, −S is 0 and S is 255.
/// </param>
/// <param name="Units">The units shown, by index.</param>
internal sealed record PictureLayer(string Name, int Width, double Scale, PictureUnit[] Units);

/// <summary>One unit of a hidden layer, after its activation.</summary>
/// <param name="Index">Its index in the layer.</param>
/// <param name="Strength">The sum of the sizes of its outgoing weights, by which the units shown are chosen.</param>
/// <param name="Values">Its value per cell of the unit grid, one byte each on the layer's scale, base64.</param>
internal sealed record PictureUnit(int Index, double Strength, string Values);

/// <summary>The weights of one layer between the units the picture shows.</summary>
/// <param name="From">The indices of the units the weights leave: the inputs (0 and 1) or a hidden layer's units shown.</param>
/// <param name="To">The indices of the units they reach: a hidden layer's units shown, or the output (0).</param>
/// <param name="Weights">w[from][to], row by row (six significant digits).</param>
/// <param name="Gradients">The gradient each weight's last step used, in the same order; null before the first epoch.</param>
internal sealed record PictureLink(int[] From, int[] To, double[] Weights, double[]? Gradients);
