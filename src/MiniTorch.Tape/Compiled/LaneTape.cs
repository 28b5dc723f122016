namespace MiniTorch;

/// <summary>
/// Compiled code of a tape for several points at once (<see cref="CompiledTapeCode"/> with lanes), and the arrays it
/// runs on: slot s of point l is element s · <see cref="Lanes"/> + l, so that one slot of every point is one vector.
/// Each lane replays the tape exactly as <see cref="Tape.Forward()"/> and <see cref="Tape.Backward"/> do for its point.
/// </summary>
/// <remarks>Allocates nothing after construction. Not thread-safe.</remarks>
internal sealed class LaneTape
{
    private readonly CompiledTapeCode _code;
    private readonly double[] _values;
    private readonly double[] _adjoints;
    private readonly TapeCustomStep[] _customs;
    private readonly double[] _scratch;

    /// <summary>Creates the arrays for <paramref name="code"/>, with the constants of <paramref name="tape"/> in every lane.</summary>
    /// <param name="code">
    /// Code generated from <paramref name="tape"/>'s steps: with lanes (then without user-defined steps), or for one point
    /// at a time, when it calls <paramref name="tape"/>'s user-defined steps.
    /// </param>
    /// <param name="tape">The tape, whose recorded values give the constants.</param>
    public LaneTape(CompiledTapeCode code, Tape tape)
    {
        _code = code;
        _customs = code.Lanes == 1 ? tape.Customs : [];
        _scratch = code.Lanes == 1 ? tape.Scratch : [];
        Lanes = code.Lanes;
        _values = new double[code.SlotCount * Lanes];
        _adjoints = new double[code.SlotCount * Lanes];
        for (var slot = 0; slot < code.SlotCount; slot++)
        {
            _values.AsSpan(slot * Lanes, Lanes).Fill(tape.ValueAt(slot));
        }
    }

    /// <summary>How many points one replay takes.</summary>
    public int Lanes { get; }

    /// <summary>Sets input <paramref name="input"/> of one point.</summary>
    /// <param name="input">The input.</param>
    /// <param name="lane">The point's lane.</param>
    /// <param name="value">The value.</param>
    public void SetInput(int input, int lane, double value) => _values[(input * Lanes) + lane] = value;

    /// <summary>Sets inputs <paramref name="firstInput"/>, <paramref name="firstInput"/> + 1, … of every point to <paramref name="values"/>.</summary>
    /// <param name="firstInput">The input that gets <c>values[0]</c>.</param>
    /// <param name="values">One value per input.</param>
    public void SetInputsOfEveryLane(int firstInput, ReadOnlySpan<double> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            _values.AsSpan((firstInput + i) * Lanes, Lanes).Fill(values[i]);
        }
    }

    /// <summary>Replays forward in every lane.</summary>
    public void Forward()
    {
        foreach (var chunk in _code.Forward)
        {
            chunk(_values, _adjoints, _customs, _scratch);
        }
    }

    /// <summary>The value of <paramref name="slot"/> for one point, as of the latest <see cref="Forward"/>.</summary>
    /// <param name="slot">The slot.</param>
    /// <param name="lane">The point's lane.</param>
    /// <returns>The value.</returns>
    public double ValueAt(int slot, int lane) => _values[(slot * Lanes) + lane];

    /// <summary>Where one point's backward sweep starts: its output's adjoint becomes 0 + <paramref name="dOutput"/>, as in <see cref="Tape.Backward"/>.</summary>
    /// <param name="lane">The point's lane.</param>
    /// <param name="dOutput">The derivative to start from.</param>
    public void StartBackward(int lane, double dOutput) => _adjoints[(_code.OutputSlot * Lanes) + lane] = 0.0 + dOutput;

    /// <summary>Replays backward in every lane, from the adjoints <see cref="StartBackward"/> set.</summary>
    public void Backward()
    {
        for (var c = _code.Backward.Length - 1; c >= 0; c--)
        {
            _code.Backward[c](_values, _adjoints, _customs, _scratch);
        }
    }

    /// <summary>The gradient of input <paramref name="input"/> for one point, as of the latest <see cref="Backward"/>.</summary>
    /// <param name="input">The input.</param>
    /// <param name="lane">The point's lane.</param>
    /// <returns>The gradient.</returns>
    public double GradientAt(int input, int lane) => _adjoints[(input * Lanes) + lane];

    /// <summary>
    /// Adds the gradients of inputs <paramref name="firstInput"/>, … of lanes 0 to <paramref name="points"/> − 1 to
    /// <paramref name="sums"/>, lane after lane: for each input, the additions <see cref="Tape.AddGradientsTo"/> makes
    /// for those points one after another, in that order.
    /// </summary>
    /// <param name="sums">The running sums, one per input from <paramref name="firstInput"/> on.</param>
    /// <param name="firstInput">The input that goes to <c>sums[0]</c>.</param>
    /// <param name="points">How many lanes hold points, from lane 0.</param>
    public void AddGradientsTo(Span<double> sums, int firstInput, int points)
    {
        if (Lanes == 1)
        {
            VectorSum.AddTo(sums, _adjoints.AsSpan(firstInput, sums.Length));
        }
        else
        {
            LaneSums.AddInLaneOrder(sums, _adjoints.AsSpan(firstInput * Lanes, sums.Length * Lanes), Lanes, points);
        }
    }
}
