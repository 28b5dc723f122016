using System.Runtime.CompilerServices;

namespace MiniTorch;

/// <summary>
/// The fast engine: the same epoch as <see cref="ScalarEngine"/>, computed by replaying a <see cref="Tape"/> recorded
/// once per label class instead of building a graph per point, interpreted or compiled. Same losses, correct counts
/// and gradients, bit for bit.
/// </summary>
/// <remarks>
/// <para>
/// The first epoch records, for each class that occurs, the graph of one point's scaled loss
/// loss / N = −log(prob) / N (prob = out for label 1, −out + 1.0 otherwise, as <see cref="ScalarEngine"/> builds it)
/// with the tape inputs [x₀, x₁, p₀, p₁, …]: the point's coordinates as leaf scalars (constants would be frozen into
/// the tape) and the parameters' current scalars in <see cref="Module.Parameters"/> order. Each epoch then copies the
/// parameters' current values into the tapes, and for every point sets x, replays forward and backward, and adds the
/// parameter gradients to one array; at the end, each parameter that some point's loss depends on receives its sum with
/// <see cref="Scalar.AccumulateDerivative"/>, which is where the graph engine leaves it too.
/// </para>
/// <para>
/// Compiled (<see cref="TapeReplay.Compiled"/>, and <see cref="TapeReplay.Tiered"/> once its code is ready), the model's
/// steps, which every class shares, run for <see cref="Lanes"/> consecutive points at once in the lanes of a vector, and
/// each point's loss steps on its class's tape (<see cref="EpochCode"/>, <see cref="BatchReplay"/>). Compiled only pays
/// from some hundreds of epochs (docs/performance.md); tiered starts interpreted and switches between epochs, so it
/// never waits for the compiler, which runs on a thread of the lowest priority (<see cref="CompilingThread"/>). A
/// tape whose code would be too long to pay (<see cref="CompiledTape.WorthwhileSteps"/>) is interpreted, and so is
/// every tape where generated code would not be compiled to machine code
/// (<see cref="RuntimeFeature.IsDynamicCodeCompiled"/> false, as under NativeAOT).
/// </para>
/// <para>
/// Why the results are identical: a replay performs the graph's operations in the graph's order (see
/// <see cref="Tape"/>); a point's gradient 0 + c reaches the array by one addition, as a leaf's derivative grows by one
/// addition per backward pass, in data order whatever the lanes; and the sum starts from 0, so handing it over with one
/// more addition of 0 changes no bit. The total loss adds the points' unscaled losses in data order, starting from 0, as
/// <see cref="ScalarEngine"/> does.
/// </para>
/// <para>
/// What the model must do: build the same graph for every point of a class, that is branch on no value (relu and the
/// comparison functions are fine, they are evaluated at replay); use <see cref="Scalar.Constant"/> for fixed numbers
/// (a leaf that is not a parameter makes recording fail with a message naming it); and hold leaf scalars in its
/// parameters, as <see cref="Sgd"/> leaves them. The tapes are recorded again when the model or the number of points
/// changes. After the first epoch (after compiling, if it compiles), an epoch allocates nothing. Dispose the engine to
/// stop a compilation still running. Not thread-safe: use one engine per training run.
/// </para>
/// </remarks>
public sealed class TapeEngine : ITrainingEngine, IDisposable
{
    /// <summary>
    /// The most points compiled code replays at once unless told otherwise: 4, the lanes of a 256-bit vector (8, in a
    /// 512-bit one, measured no faster on the development machine, docs/performance.md).
    /// </summary>
    public const int DefaultMaxLanes = 4;

    private readonly ClassTape?[] _tapes = new ClassTape?[2];
    private readonly bool[] _classSeen = new bool[2];
    private readonly TapeEngineModel _trained = new();
    private readonly TapeReplay _replay;
    private readonly Action<CancellationToken>? _beforeCompiling;
    private BatchReplay? _compiled;
    private BackgroundCompilation? _compiling;
    private int _epochs;
    private bool _disposed;

    /// <summary>Creates the engine.</summary>
    /// <param name="replay">
    /// Whether the tapes are interpreted (the default), compiled in the first epoch (<see cref="TapeReplay.Compiled"/>)
    /// or compiled on another thread while the first epochs run interpreted (<see cref="TapeReplay.Tiered"/>); the
    /// results are the same bits.
    /// </param>
    /// <param name="maxLanes">
    /// The most points compiled code replays at once; the engine takes the widest vector of the processor up to it
    /// (2, 4 or 8 doubles), or 1 point at a time without vectors. At least 1.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLanes"/> is below 1.</exception>
    public TapeEngine(TapeReplay replay = TapeReplay.Interpreted, int maxLanes = DefaultMaxLanes)
        : this(replay, maxLanes, VectorHardware.Current)
    {
    }

    /// <summary>
    /// Creates the engine as if the processor had <paramref name="hardware"/>'s vectors (tests reach every width), and
    /// with <paramref name="beforeCompiling"/> run on the compiling thread before it compiles (tests hold it back, to
    /// switch at an epoch of their choosing).
    /// </summary>
    internal TapeEngine(TapeReplay replay, int maxLanes, VectorHardware hardware, Action<CancellationToken>? beforeCompiling = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLanes, 1);
        _replay = replay;
        _beforeCompiling = beforeCompiling;
        Lanes = hardware.Lanes(maxLanes);
    }

    /// <summary>Whether the tapes are interpreted, compiled, or tiered.</summary>
    public TapeReplay Replay => _replay;

    /// <summary>How many points compiled code replays at once: 1, 2, 4 or 8.</summary>
    public int Lanes { get; }

    /// <summary>How long compiling the current code took (zero until there is compiled code); with tiered compilation, on the other thread.</summary>
    public TimeSpan CompileTime => _compiled?.Code.CompileTime ?? TimeSpan.Zero;

    /// <summary>How many steps the current compiled code replays (0 until there is compiled code).</summary>
    public int CompiledSteps => _compiled?.Code.StepCount ?? 0;

    /// <summary>
    /// The first epoch, counted from the latest recording, that ran compiled code: 1 when compiled in the first epoch, later
    /// with tiered compilation; <see langword="null"/> while the tapes are interpreted.
    /// </summary>
    public int? CompiledFromEpoch { get; private set; }

    /// <summary>The class tapes, for <see cref="TapeTrainer"/>.</summary>
    internal TapeEngineModel Trained => _trained;

    /// <summary>What compiling on the other thread threw, if it failed (the engine then stays interpreted).</summary>
    internal Exception? CompileFailure { get; private set; }

    /// <summary>Whether a compilation is running on the other thread.</summary>
    internal bool IsCompiling => _compiling?.IsRunning ?? false;

    /// <summary>Waits for a compilation running on the other thread, so that the next epoch runs compiled (tests choose the epoch so).</summary>
    internal void WaitForCompilation() => _compiling?.Wait();

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

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">
    /// Recording failed: the model's output depends on a leaf scalar that is not one of its parameters, or a parameter
    /// holds a computed scalar or shares its scalar with another parameter.
    /// </exception>
    /// <exception cref="ObjectDisposedException">The engine was disposed.</exception>
    public EpochTotals RunEpoch(Module<Scalar[], Scalar> model, Dataset data)
    {
        var totals = Pass(model, data, readValues: true);
        _trained.HandOverGradients();
        return totals;
    }

    /// <summary>Cancels a compilation still queued or running, without waiting for it. Safe to call more than once.</summary>
    public void Dispose()
    {
        _disposed = true;
        _compiling?.Dispose();
        _compiling = null;
    }

    /// <summary>
    /// One pass over the data: the parameters' gradients summed in <see cref="TapeEngineModel.Sums"/>, with the values in
    /// <see cref="TapeEngineModel.Values"/>, read from the model when <paramref name="readValues"/> (or when the model
    /// or the number of points changed) and otherwise as they are.
    /// </summary>
    internal EpochTotals Pass(Module<Scalar[], Scalar> model, Dataset data, bool readValues)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_trained.Begin(model, data, readValues))
        {
            Reset();
        }

        _epochs++;
        Array.Clear(_trained.Sums);
        Array.Clear(_classSeen);
        if (TakeCompiledCode(model, data))
        {
            var compiledTotals = _compiled!.Run(data, _trained.Values, _trained.Sums, _classSeen);
            _trained.SetGradientMask(_tapes, _classSeen);
            return compiledTotals;
        }

        var totals = RunInterpreted(model, data);
        _trained.SetGradientMask(_tapes, _classSeen);
        if (_replay == TapeReplay.Tiered && _compiling is null && CanCompile())
        {
            var tapes = (ClassTape?[])_tapes.Clone();
            var lanes = Lanes;
            var beforeCompiling = _beforeCompiling;
            _compiling = new BackgroundCompilation(cancel =>
            {
                beforeCompiling?.Invoke(cancel);
                return EpochCode.Compile(tapes, lanes, cancel);
            });
        }

        return totals;
    }

    // Compiled: records every class of the data and compiles here. Tiered: takes the code the other thread finished.
    // Returns whether the epoch runs compiled.
    private bool TakeCompiledCode(Module<Scalar[], Scalar> model, Dataset data)
    {
        if (_compiled is not null && !_compiled.Covers(data))
        {
            _compiled = null;
            CompiledFromEpoch = null;
        }

        if (_compiled is not null)
        {
            return true;
        }

        EpochCode? code = null;
        if (_replay == TapeReplay.Compiled)
        {
            RecordEveryClass(model, data);
            code = CanCompile() ? EpochCode.Compile(_tapes, Lanes, CancellationToken.None) : null;
        }
        else if (_compiling is { } compiling && (compiling.Result is not null || compiling.Failure is not null))
        {
            code = compiling.Result;
            CompileFailure = compiling.Failure;
            _compiling = null;
        }

        if (code is not null)
        {
            _compiled = new BatchReplay(code, _tapes);
            CompiledFromEpoch = _epochs;
        }

        return _compiled is not null && _compiled.Covers(data);
    }

    private bool CanCompile() =>
        RuntimeFeature.IsDynamicCodeCompiled && CompileFailure is null && (_tapes[1] ?? _tapes[0]) is { } tape && EpochCode.Pays(tape);

    // The interpreted epoch, which records the tape of a class the first time one of its points comes.
    private EpochTotals RunInterpreted(Module<Scalar[], Scalar> model, Dataset data)
    {
        foreach (var classTape in _tapes)
        {
            classTape?.LoadParameters(_trained.Values);
        }

        var totalLoss = 0.0;
        var correct = 0;
        for (var k = 0; k < data.Count; k++)
        {
            var point = data.Points[k];
            var label = data.Labels[k];
            var labelClass = ClassTape.ClassOf(label);
            var classTape = _tapes[labelClass] ??= Record(model, point, label);
            _classSeen[labelClass] = true;
            correct += classTape.Replay(point, label, out var loss) ? 1 : 0;
            classTape.Tape.AddGradientsTo(_trained.Sums, firstInput: ClassTape.XInputs);
            totalLoss += loss;
        }

        return new EpochTotals(totalLoss, correct);
    }

    private void RecordEveryClass(Module<Scalar[], Scalar> model, Dataset data)
    {
        for (var k = 0; k < data.Count; k++)
        {
            var label = data.Labels[k];
            _tapes[ClassTape.ClassOf(label)] ??= Record(model, data.Points[k], label);
        }
    }

    private ClassTape Record(Module<Scalar[], Scalar> model, DataPoint point, int label)
    {
        var classTape = ClassTape.Record(model, _trained.Parameters, point, label, _trained.PointCount, TapeReplay.Interpreted);
        classTape.LoadParameters(_trained.Values);
        return classTape;
    }

    // After a change of model or number of points: drops every tape and any compiled code.
    private void Reset()
    {
        Array.Clear(_tapes);
        _compiling?.Dispose();
        _compiling = null;
        _compiled = null;
        CompiledFromEpoch = null;
        CompileFailure = null;
        _epochs = 0;
    }
}
