namespace MiniTorch;

/// <summary>
/// A tape engine's epoch on compiled code (<see cref="EpochCode"/>): the points in batches of as many as the model's
/// code takes at once, consecutive in data order, whatever their classes. For a batch: the model forward in every lane,
/// each point's loss on its class tape, the model backward in every lane from each point's derivative, and the
/// parameter gradients added to the sums lane after lane, that is point after point.
/// </summary>
/// <remarks>
/// Why the results are <see cref="TapeEngine"/>'s interpreted ones, bit for bit: each lane runs its point's model steps
/// as the class tape does (<see cref="LaneTape"/>); the loss steps run as recorded, from the same output; the model's
/// sweep starts at 0 + the output's derivative, which is what the class tape's sweep holds there, since the loss is the
/// output's only user; and every sum gets the points' gradients in data order, one addition each. The last batch may be
/// short: its empty lanes replay a copy of its last point, and nothing of them is read. Allocates nothing.
/// </remarks>
internal sealed class BatchReplay
{
    private readonly LaneTape _model;
    private readonly ClassTape?[] _tapes;

    // The latest data's points and classes in arrays, read once per data set rather than per epoch through its lists.
    private Dataset? _data;
    private double[] _x0 = [];
    private double[] _x1 = [];
    private int[] _labels = [];

    /// <summary>Binds <paramref name="code"/> to arrays of its own and to the engine's class tapes.</summary>
    /// <param name="code">The compiled code, made from <paramref name="tapes"/>.</param>
    /// <param name="tapes">The engine's class tapes (index <see cref="ClassTape.ClassOf"/>).</param>
    public BatchReplay(EpochCode code, ClassTape?[] tapes)
    {
        Code = code;
        _tapes = tapes;
        _model = new LaneTape(code.Model, code.Source.Tape);
    }

    /// <summary>The code this replay runs.</summary>
    public EpochCode Code { get; }

    /// <summary>Whether the code has the loss of every class of <paramref name="data"/>.</summary>
    /// <param name="data">The epoch's points.</param>
    /// <returns>True when every label's class has compiled loss steps.</returns>
    public bool Covers(Dataset data)
    {
        Read(data);
        foreach (var label in _labels)
        {
            if (Code.Losses[ClassTape.ClassOf(label)] is null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One pass over the data with the given parameter values: the sums get the gradients, in data order.</summary>
    /// <param name="data">The points; every class covered (<see cref="Covers"/>).</param>
    /// <param name="parameters">The parameters' values, in <see cref="Module.Parameters"/> order.</param>
    /// <param name="sums">Receives, added to what it holds, each parameter's gradient summed over the points.</param>
    /// <param name="classSeen">Set for each class that occurs.</param>
    /// <returns>The total loss, in data order from 0, and the correct count.</returns>
    public EpochTotals Run(Dataset data, ReadOnlySpan<double> parameters, Span<double> sums, Span<bool> classSeen)
    {
        Read(data);
        var lanes = _model.Lanes;
        var count = _labels.Length;
        var output = Code.Source.OutputSlot;
        _model.SetInputsOfEveryLane(ClassTape.XInputs, parameters);
        var totalLoss = 0.0;
        var correct = 0;
        for (var first = 0; first < count; first += lanes)
        {
            var points = Math.Min(lanes, count - first);
            for (var lane = 0; lane < lanes; lane++)
            {
                var k = first + Math.Min(lane, points - 1);
                _model.SetInput(0, lane, _x0[k]);
                _model.SetInput(1, lane, _x1[k]);
            }

            _model.Forward();
            for (var lane = 0; lane < lanes; lane++)
            {
                var dOutput = 0.0;
                if (lane < points)
                {
                    var label = _labels[first + lane];
                    var labelClass = ClassTape.ClassOf(label);
                    classSeen[labelClass] = true;
                    var value = _model.ValueAt(output, lane);
                    dOutput = _tapes[labelClass]!.ReplayLoss(Code.Losses[labelClass]!, value, out var loss);
                    totalLoss += loss;
                    correct += Predictions.IsCorrect(value, label) ? 1 : 0;
                }

                _model.StartBackward(lane, dOutput);
            }

            _model.Backward();
            _model.AddGradientsTo(sums, ClassTape.XInputs, points);
        }

        return new EpochTotals(totalLoss, correct);
    }

    // Copies the points and labels of a data set not seen before.
    private void Read(Dataset data)
    {
        if (ReferenceEquals(data, _data))
        {
            return;
        }

        _x0 = [.. data.Points.Select(point => point.X1)];
        _x1 = [.. data.Points.Select(point => point.X2)];
        _labels = [.. data.Labels];
        _data = data;
    }
}
