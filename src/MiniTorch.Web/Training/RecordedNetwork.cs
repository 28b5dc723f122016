using MiniTorch.Runs;

namespace MiniTorch.Web.Training;

/// <summary>
/// A network's forward pass recorded once as a <see cref="Tape"/>, keeping the slots of its hidden units, so that a
/// picture can evaluate it over many points quickly: <see cref="ReadParameters"/> copies the parameters' current values
/// into the tape, and each <see cref="Evaluate"/> replays it, bit for bit the network's output (the graph's shape
/// never changes).
/// </summary>
internal sealed class RecordedNetwork
{
    private readonly Parameter[] _parameters;
    private readonly Tape _tape;
    private readonly int[][] _unitSlots;

    /// <summary>Records <paramref name="network"/>'s forward pass.</summary>
    /// <param name="network">A network of <see cref="NetworkShape"/>.</param>
    public RecordedNetwork(Module<Scalar[], Scalar> network)
    {
        _parameters = [.. network.Parameters()];
        Scalar[] coordinates = [new Scalar(0.0), new Scalar(0.0)];
        var pass = NetworkShape.Activate(network, [.. coordinates]);
        _tape = Tape.Record(pass.Output, [.. coordinates, .. _parameters.Select(p => p.Value)]);
        _unitSlots = [.. pass.Hidden.Select(layer => layer.Select(_tape.SlotOf).ToArray())];
        Widths = [.. _unitSlots.Select(slots => slots.Length)];
    }

    /// <summary>What one <see cref="Evaluate"/> costs, in tape steps: the size of the recorded pass.</summary>
    public int StepsPerPoint => _tape.NodeCount;

    /// <summary>The width of each hidden layer, input side first.</summary>
    public IReadOnlyList<int> Widths { get; }

    /// <summary>Copies the parameters' current values into the tape; call it before the evaluations of a picture.</summary>
    public void ReadParameters()
    {
        var inputs = _tape.Inputs;
        for (var i = 0; i < _parameters.Length; i++)
        {
            inputs[2 + i] = _parameters[i].Value.Data;
        }
    }

    /// <summary>The network's output at (x1, x2); the hidden units' values there stay readable through <see cref="Unit"/> until the next call.</summary>
    /// <param name="x1">The first coordinate.</param>
    /// <param name="x2">The second coordinate.</param>
    /// <returns>P(class 1).</returns>
    public double Evaluate(double x1, double x2)
    {
        _tape.Inputs[0] = x1;
        _tape.Inputs[1] = x2;
        return _tape.Forward();
    }

    /// <summary>A hidden unit's value, after its activation, at the point of the last <see cref="Evaluate"/>.</summary>
    /// <param name="layer">The hidden layer, 0 for layer1.</param>
    /// <param name="unit">The unit's index in the layer.</param>
    /// <returns>The value.</returns>
    public double Unit(int layer, int unit) => _tape.ValueAt(_unitSlots[layer][unit]);
}
