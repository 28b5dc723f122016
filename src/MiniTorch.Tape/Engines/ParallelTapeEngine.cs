namespace MiniTorch;

/// <summary>
/// The tape engine on several threads: the epoch of <see cref="TapeEngine"/> with the points cut into contiguous
/// chunks, one per thread, and the results summed in data order on the calling thread, so that the losses, correct
/// counts and gradients are those of <see cref="TapeEngine"/> (and <see cref="ScalarEngine"/>) bit for bit, for any
/// number of threads.
/// </summary>
/// <remarks>
/// <para>
/// Each thread owns its own tape per label class (a tape's value and adjoint arrays cannot be shared), all recorded on
/// the calling thread from the same model, the first time a class occurs. The points go in rounds of R consecutive
/// points (all N at once unless R × P, P the number of parameters, would pass about half a million doubles). With T
/// threads, a round of r points is cut into T' = min(T, r) chunks, chunk w holding its points ⌊wr/T'⌋ to
/// ⌊(w + 1)r/T'⌋ − 1; the calling thread runs chunk 0 and long-lived worker threads the others. A thread stores each
/// point's parameter gradient (a row of P doubles, copied, so that a −0 stays −0) and its loss; after the round the
/// calling thread adds the rows and the losses to the running sums, in point order. The correct counts are integers
/// and add up in any order.
/// </para>
/// <para>
/// Why the results are identical: every floating-point number a point contributes is computed by the same replay as
/// in <see cref="TapeEngine"/>, on a tape recorded the same way from the same model (every thread's copy has the same
/// steps and constants). The single-threaded engine adds, for each parameter, the points' gradients to a sum starting
/// from 0 in data order, and the points' losses likewise; this engine performs exactly those additions in exactly that
/// order, only later. Threads change when a number is computed, never which operations produce it or in which order
/// they are added.
/// </para>
/// <para>
/// The same contract on the model as <see cref="TapeEngine"/>. Each thread holds its own tapes, so their memory grows
/// with the number of threads. After the first epoch, an epoch allocates nothing. Dispose the engine to stop its
/// threads (they are background threads, so a forgotten engine does not keep a process alive). An exception in a
/// worker (for example from a user-defined function on the tape) is rethrown on the calling thread by
/// <see cref="RunEpoch"/>, after every chunk has finished. Not thread-safe: use one engine per training run.
/// </para>
/// </remarks>
public sealed class ParallelTapeEngine : ITrainingEngine, IDisposable
{
    /// <summary>The most threads an engine accepts.</summary>
    public const int MaxThreads = 64;

    /// <summary>How many gradient doubles a round may store: R = max(T, this / P) points, at most N.</summary>
    private const int RoundDoubles = 1 << 19;

    private readonly EpochWorkers _workers;
    private readonly ClassTape?[][] _tapes;
    private readonly bool[] _classSeen = new bool[2];
    private readonly int[] _correct;
    private readonly TapeEngineModel _trained = new();
    private readonly TapeReplay _replay;
    private Dataset? _data;
    private int _roundSize;
    private int _roundStart;
    private int _roundCount;
    private int _roundChunks;
    private double[] _gradients = [];
    private double[] _losses = [];

    /// <summary>Creates the engine and starts <paramref name="threads"/> − 1 worker threads.</summary>
    /// <param name="threads">The threads that share an epoch, the calling thread included: 1 to <see cref="MaxThreads"/>.</param>
    /// <param name="replay">
    /// Whether the tapes are interpreted (the default) or compiled (<see cref="TapeReplay.Compiled"/>): each class is
    /// compiled once, and every thread's tape of that class runs the same code on its own arrays.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="threads"/> is outside 1 to <see cref="MaxThreads"/>, or <paramref name="replay"/> is
    /// <see cref="TapeReplay.Tiered"/>, which only <see cref="TapeEngine"/> does.
    /// </exception>
    public ParallelTapeEngine(int threads, TapeReplay replay = TapeReplay.Interpreted)
    {
        if (replay == TapeReplay.Tiered)
        {
            throw new ArgumentOutOfRangeException(nameof(replay), replay, "Tiered compilation runs on one thread: use TapeEngine, or Interpreted or Compiled here.");
        }

        _replay = replay;
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(threads, MaxThreads);
        _tapes = new ClassTape?[threads][];
        for (var w = 0; w < threads; w++)
        {
            _tapes[w] = new ClassTape?[2];
        }

        _correct = new int[threads];
        _workers = new EpochWorkers(threads, RunChunk);
    }

    /// <summary>Whether the tapes are interpreted or compiled.</summary>
    public TapeReplay Replay => _replay;

    /// <summary>The threads that share an epoch, the calling thread included.</summary>
    public int Threads => _workers.Threads;

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">
    /// Recording failed: the model's output depends on a leaf scalar that is not one of its parameters, or a parameter
    /// holds a computed scalar or shares its scalar with another parameter.
    /// </exception>
    /// <exception cref="ObjectDisposedException">The engine was disposed.</exception>
    public EpochTotals RunEpoch(Module<Scalar[], Scalar> model, Dataset data)
    {
        if (_trained.Begin(model, data))
        {
            Reset();
        }

        RecordMissingTapes(model, data);
        Array.Clear(_trained.Sums);
        var totalLoss = 0.0;
        var correct = 0;
        _data = data;
        try
        {
            for (_roundStart = 0; _roundStart < _trained.PointCount; _roundStart += _roundSize)
            {
                _roundCount = Math.Min(_roundSize, _trained.PointCount - _roundStart);
                _roundChunks = Math.Min(Threads, _roundCount);
                _workers.Run(_roundChunks);
                foreach (var loss in _losses.AsSpan(0, _roundCount))
                {
                    totalLoss += loss;
                }

                foreach (var count in _correct.AsSpan(0, _roundChunks))
                {
                    correct += count;
                }

                AddRows();
            }
        }
        finally
        {
            _data = null;
        }

        _trained.SetGradientMask(_tapes[0], _classSeen);
        _trained.HandOverGradients();

        return new EpochTotals(totalLoss, correct);
    }

    /// <summary>How many consecutive points go in one round (all of them unless the gradient rows would be large).</summary>
    internal int RoundSize => _roundSize;

    /// <summary>Stops the worker threads. Safe to call more than once; afterwards <see cref="RunEpoch"/> throws.</summary>
    public void Dispose() => _workers.Dispose();

    // After a change of model or number of points: sizes the rounds for the new parameters and drops every tape.
    private void Reset()
    {
        _roundSize = Math.Min(_trained.PointCount, Math.Max(Threads, RoundDoubles / Math.Max(1, _trained.Parameters.Length)));
        _gradients = new double[(long)_roundSize * _trained.Parameters.Length];
        _losses = new double[_roundSize];
        foreach (var tapes in _tapes)
        {
            Array.Clear(tapes);
        }
    }

    /// <summary>
    /// Finds the classes of <paramref name="data"/> and records, on this thread, a tape of each for every thread that
    /// has none yet, from the first point of the class (as <see cref="TapeEngine"/> does).
    /// </summary>
    private void RecordMissingTapes(Module<Scalar[], Scalar> model, Dataset data)
    {
        Array.Clear(_classSeen);
        var threads = Math.Min(Threads, _roundSize);
        for (var k = 0; k < data.Count; k++)
        {
            var label = data.Labels[k];
            var labelClass = ClassTape.ClassOf(label);
            if (_classSeen[labelClass])
            {
                continue;
            }

            _classSeen[labelClass] = true;
            for (var w = 0; w < threads; w++)
            {
                _tapes[w][labelClass] ??= ClassTape.Record(model, _trained.Parameters, data.Points[k], label, _trained.PointCount, _replay, _tapes[0][labelClass]);
            }
        }
    }

    /// <summary>Chunk <paramref name="chunk"/> of the current round, on its own thread and its own tapes.</summary>
    private void RunChunk(int chunk)
    {
        var data = _data!;
        var tapes = _tapes[chunk];
        foreach (var classTape in tapes)
        {
            classTape?.LoadParameters(_trained.Values);
        }

        var parameterCount = _trained.Parameters.Length;
        var first = chunk * _roundCount / _roundChunks;
        var end = (chunk + 1) * _roundCount / _roundChunks;
        var correct = 0;
        for (var j = first; j < end; j++)
        {
            var k = _roundStart + j;
            var label = data.Labels[k];
            var classTape = tapes[ClassTape.ClassOf(label)]!;
            correct += classTape.Replay(data.Points[k], label, out _losses[j]) ? 1 : 0;
            classTape.ParameterGradients().CopyTo(_gradients.AsSpan(j * parameterCount, parameterCount));
        }

        _correct[chunk] = correct;
    }

    /// <summary>
    /// Adds the round's gradient rows to the sums in point order: for each parameter the additions of
    /// <see cref="Tape.AddGradientsTo"/> in <see cref="TapeEngine"/>, one IEEE addition per point (<see cref="VectorSum"/>).
    /// </summary>
    private void AddRows()
    {
        var sums = _trained.Sums.AsSpan();
        for (var j = 0; j < _roundCount; j++)
        {
            VectorSum.AddTo(sums, _gradients.AsSpan(j * sums.Length, sums.Length));
        }
    }
}
