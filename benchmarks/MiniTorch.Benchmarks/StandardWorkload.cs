using MiniTorch.Tests.Tape;

namespace MiniTorch.Benchmarks;

/// <summary>
/// One epoch of the standard workload (Xor, 50 points, hidden width 10; see performance.md) in each engine, from the
/// same points and the same weights: per point a forward pass, the backward pass of loss / N, and the parameter
/// gradients summed over the epoch. No optimiser step, so that every epoch does the same work.
/// </summary>
public sealed class StandardWorkload
{
    /// <summary>The hidden width H.</summary>
    public const int Hidden = 10;

    /// <summary>The number of points N.</summary>
    public const int PointCount = 50;

    private readonly double[] _x0 = new double[PointCount];
    private readonly double[] _x1 = new double[PointCount];
    private readonly int[] _labels = new int[PointCount];
    private readonly double[] _parameters = new double[HandWrittenNetwork.ParameterCountFor(Hidden)];
    private readonly HandWrittenNetwork _baseline = new(Hidden);
    private readonly Tape[] _tapes = new Tape[2];
    private readonly int[] _lossSlots = new int[2];

    /// <summary>Draws the points (uniform in [0, 1)², labelled by the Xor rule) and the weights (uniform in [−1, 1)).</summary>
    /// <param name="seed">The seed of the generator.</param>
    public StandardWorkload(int seed = 1)
    {
        var random = new Random(seed);
        for (var n = 0; n < PointCount; n++)
        {
            _x0[n] = random.NextDouble();
            _x1[n] = random.NextDouble();
            _labels[n] = (_x0[n] < 0.5 && _x1[n] > 0.5) || (_x0[n] > 0.5 && _x1[n] < 0.5) ? 1 : 0;
        }

        for (var k = 0; k < _parameters.Length; k++)
        {
            _parameters[k] = (2.0 * random.NextDouble()) - 1.0;
        }

        _parameters.CopyTo(_baseline.Parameters);
        for (var label = 0; label < 2; label++)
        {
            var leaves = NewParameterLeaves();
            var x0 = new Scalar(0.0);
            var x1 = new Scalar(0.0);
            var graph = ScalarMlp.Build(leaves, x0, x1, label, Hidden);
            _tapes[label] = Tape.Record(graph.Loss / PointCount, [x0, x1, .. leaves]);
            _lossSlots[label] = _tapes[label].SlotOf(graph.Loss);
        }
    }

    /// <summary>The number of parameters, H² + 5H + 1.</summary>
    public int ParameterCount => _parameters.Length;

    /// <summary>The number of computed scalars (graph nodes) of one epoch: the tape steps of every point.</summary>
    public int NodesPerEpoch
    {
        get
        {
            var nodes = 0;
            foreach (var label in _labels)
            {
                nodes += _tapes[label].NodeCount;
            }

            return nodes;
        }
    }

    /// <summary>The epoch on the graph engine: new parameter leaves (as after an optimiser step), a graph per point.</summary>
    /// <param name="gradients">Receives the summed gradients.</param>
    /// <returns>The epoch's total loss.</returns>
    public double GraphEpoch(Span<double> gradients)
    {
        var leaves = NewParameterLeaves();
        var total = 0.0;
        for (var n = 0; n < PointCount; n++)
        {
            var graph = ScalarMlp.Build(leaves, new Scalar(_x0[n]), new Scalar(_x1[n]), _labels[n], Hidden);
            (graph.Loss / PointCount).Backward();
            total += graph.Loss.Data;
        }

        for (var k = 0; k < leaves.Length; k++)
        {
            gradients[k] = leaves[k].Derivative ?? 0.0;
        }

        return total;
    }

    /// <summary>The epoch on the tape engine: the tape of the point's label class, replayed at the point.</summary>
    /// <param name="gradients">Receives the summed gradients.</param>
    /// <returns>The epoch's total loss.</returns>
    public double TapeEpoch(Span<double> gradients)
    {
        gradients.Clear();
        foreach (var tape in _tapes)
        {
            _parameters.CopyTo(tape.Inputs[2..]);
        }

        var total = 0.0;
        for (var n = 0; n < PointCount; n++)
        {
            var label = _labels[n];
            var tape = _tapes[label];
            tape.Inputs[0] = _x0[n];
            tape.Inputs[1] = _x1[n];
            tape.Forward();
            tape.Backward();
            total += tape.ValueAt(_lossSlots[label]);
            tape.AddGradientsTo(gradients, firstInput: 2);
        }

        return total;
    }

    /// <summary>The epoch written by hand on double arrays.</summary>
    /// <param name="gradients">Receives the summed gradients.</param>
    /// <returns>The epoch's total loss.</returns>
    public double BaselineEpoch(Span<double> gradients)
    {
        _baseline.Gradients.Clear();
        var scale = 1.0 / PointCount;
        var total = 0.0;
        for (var n = 0; n < PointCount; n++)
        {
            total += _baseline.Accumulate(_x0[n], _x1[n], _labels[n], scale).Loss;
        }

        _baseline.Gradients.CopyTo(gradients);
        return total;
    }

    private Scalar[] NewParameterLeaves() => Array.ConvertAll(_parameters, Scalar.FromDouble);
}
