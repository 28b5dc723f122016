namespace MiniTorch;

/// <summary>
/// The fast engine: the same epoch as <see cref="ScalarEngine"/>, computed by replaying a <see cref="Tape"/> recorded
/// once per label class instead of building a graph per point. Same losses, correct counts and gradients, bit for bit.
/// </summary>
/// <remarks>
/// <para>
/// The first epoch records, for each class that occurs, the graph of one point's scaled loss
/// loss / N = −log(prob) / N (prob = out for label 1, −out + 1.0 otherwise, as <see cref="ScalarEngine"/> builds it)
/// with the tape inputs [x₀, x₁, p₀, p₁, …]: the point's coordinates as leaf scalars (constants would be frozen into
/// the tape) and the parameters' current scalars in <see cref="Module.Parameters"/> order. Each epoch then copies the
/// parameters' current values into both tapes, and for every point sets x, replays forward and backward, and adds the
/// parameter gradients to one array; at the end, each parameter that some point's loss depends on receives its sum with
/// <see cref="Scalar.AccumulateDerivative"/>, which is where the graph engine leaves it too.
/// </para>
/// <para>
/// Why the results are identical: a replay performs the graph's operations in the graph's order (see
/// <see cref="Tape"/>); a point's gradient 0 + c reaches the array by one addition, as a leaf's derivative grows by one
/// addition per backward pass; and the sum starts from 0, so handing it over with one more addition of 0 changes no bit.
/// The total loss adds the points' unscaled losses in data order, starting from 0, as <see cref="ScalarEngine"/> does.
/// </para>
/// <para>
/// What the model must do: build the same graph for every point of a class, that is branch on no value (relu and the
/// comparison functions are fine, they are evaluated at replay); use <see cref="Scalar.Constant"/> for fixed numbers
/// (a leaf that is not a parameter makes recording fail with a message naming it); and hold leaf scalars in its
/// parameters, as <see cref="Sgd"/> leaves them. The tapes are recorded again when the model or the number of points
/// changes. After the first epoch, an epoch allocates nothing. Not thread-safe: use one engine per training run.
/// </para>
/// <para>
/// With <see cref="TapeReplay.Compiled"/>, each tape of at most <see cref="CompiledTape.WorthwhileSteps"/> steps is
/// compiled when it is recorded (<see cref="Tape.Compile()"/>) and replayed by the generated code: the same bits, faster
/// epochs, a first epoch longer by the compile time (<see cref="CompileTime"/>).
/// </para>
/// </remarks>
public sealed class TapeEngine : ITrainingEngine
{
    private readonly ClassTape?[] _tapes = new ClassTape?[2];
    private readonly bool[] _classSeen = new bool[2];
    private readonly TapeEngineModel _trained = new();
    private readonly TapeReplay _replay;

    /// <summary>Creates the engine.</summary>
    /// <param name="replay">
    /// Whether the tapes are interpreted (the default) or compiled when recorded (<see cref="TapeReplay.Compiled"/>:
    /// faster epochs after a first one some milliseconds longer); the results are the same bits.
    /// </param>
    public TapeEngine(TapeReplay replay = TapeReplay.Interpreted)
    {
        _replay = replay;
    }

    /// <summary>
    /// The number of computed scalars (graph nodes) one epoch on <paramref name="data"/> replays: the sum over the points
    /// of the node count of their class's tape. The graph engine builds the same nodes.
    /// </summary>
    /// <param name="data">The data of the latest <see cref="RunEpoch"/>.</param>
    /// <returns>The count.</returns>
    /// <exception cref="InvalidOperationException">A class of <paramref name="data"/> has no tape yet: run an epoch on it first.</exception>
    public long NodesPerEpoch(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var nodes = 0L;
        foreach (var label in data.Labels)
        {
            var classTape = _tapes[ClassTape.ClassOf(label)]
                ?? throw new InvalidOperationException($"No tape is recorded for label {label} yet: run an epoch on the data first.");
            nodes += classTape.Tape.NodeCount;
        }

        return nodes;
    }

    /// <summary>Whether the tapes are interpreted or compiled.</summary>
    public TapeReplay Replay => _replay;

    /// <summary>How long compiling the current tapes took, in total (zero with <see cref="TapeReplay.Interpreted"/>).</summary>
    public TimeSpan CompileTime => (_tapes[0]?.CompileTime ?? TimeSpan.Zero) + (_tapes[1]?.CompileTime ?? TimeSpan.Zero);

    /// <summary>How many steps the current compiled tapes hold, in total (see <see cref="CompiledTape.StepCount"/>).</summary>
    public int CompiledSteps => (_tapes[0]?.Compiled?.StepCount ?? 0) + (_tapes[1]?.Compiled?.StepCount ?? 0);

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">
    /// Recording failed: the model's output depends on a leaf scalar that is not one of its parameters, or a parameter
    /// holds a computed scalar or shares its scalar with another parameter.
    /// </exception>
    public EpochTotals RunEpoch(Module<Scalar[], Scalar> model, Dataset data)
    {
        if (_trained.Begin(model, data))
        {
            Array.Clear(_tapes);
        }

        foreach (var classTape in _tapes)
        {
            classTape?.LoadParameters(_trained.Values);
        }

        Array.Clear(_trained.Sums);
        Array.Clear(_classSeen);
        var totalLoss = 0.0;
        var correct = 0;
        for (var k = 0; k < data.Count; k++)
        {
            var point = data.Points[k];
            var label = data.Labels[k];
            var labelClass = ClassTape.ClassOf(label);
            var classTape = _tapes[labelClass] ??= ClassTape.Record(model, _trained.Parameters, point, label, _trained.PointCount, _replay);
            _classSeen[labelClass] = true;
            correct += classTape.Replay(point, label, out var loss) ? 1 : 0;
            classTape.Tape.AddGradientsTo(_trained.Sums, firstInput: ClassTape.XInputs);
            totalLoss += loss;
        }

        ClassTape.HandOverGradients(_trained.Parameters, _trained.Sums, _tapes, _classSeen);

        return new EpochTotals(totalLoss, correct);
    }
}
