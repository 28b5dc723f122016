using MiniTorch.Runs;

namespace MiniTorch.Web.Training;

/// <summary>
/// A network that a picture evaluates over many points: each <see cref="Evaluate"/> runs its forward pass through your
/// <see cref="Scalar"/> functions, with the parameters as they are (the library records the pass once as a tape and
/// replays that; the course has no tape).
/// </summary>
internal sealed class RecordedNetwork
{
    // A forward pass makes about two scalars per parameter, each costing some hundred times a tape step.
    private const int StepsPerParameter = 200;

    private readonly Module<Scalar[], Scalar> _network;
    private NetworkActivations? _pass;

    /// <summary>Keeps <paramref name="network"/>.</summary>
    /// <param name="network">A network of <see cref="NetworkShape"/>.</param>
    public RecordedNetwork(Module<Scalar[], Scalar> network)
    {
        _network = network;
        var shape = NetworkShape.Of(network);
        Widths = shape.Widths;
        StepsPerPoint = (int)Math.Min(int.MaxValue, shape.ParameterCount * StepsPerParameter);
    }

    /// <summary>What one <see cref="Evaluate"/> costs, counted in tape steps, so that pictures stay as affordable as the library's.</summary>
    public int StepsPerPoint { get; }

    /// <summary>The width of each hidden layer, input side first.</summary>
    public IReadOnlyList<int> Widths { get; }

    /// <summary>Nothing to copy: each evaluation reads the parameters as they are.</summary>
    public void ReadParameters()
    {
    }

    /// <summary>The network's output at (x1, x2); the hidden units' values there stay readable through <see cref="Unit"/> until the next call.</summary>
    /// <param name="x1">The first coordinate.</param>
    /// <param name="x2">The second coordinate.</param>
    /// <returns>P(class 1).</returns>
    public double Evaluate(double x1, double x2)
    {
        _pass = NetworkShape.Activate(_network, [Scalar.Constant(x1), Scalar.Constant(x2)]);
        return _pass.Output.Data;
    }

    /// <summary>A hidden unit's value, after its activation, at the point of the last <see cref="Evaluate"/>.</summary>
    /// <param name="layer">The hidden layer, 0 for layer1.</param>
    /// <param name="unit">The unit's index in the layer.</param>
    /// <returns>The value.</returns>
    public double Unit(int layer, int unit) => _pass!.Hidden[layer][unit].Data;
}
