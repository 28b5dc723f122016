namespace MiniTorch;

public sealed partial class Tape
{
    /// <summary>
    /// Compiles the tape's steps into straight-line code that replays them forward and backward with exactly the
    /// interpreter's operations, in its order: the same values and gradients, bit for bit, without interpreting.
    /// </summary>
    /// <returns>The compiled tape, replaying this tape's arrays.</returns>
    /// <remarks>See <see cref="CompiledTape"/> for what it costs and when it pays.</remarks>
    public CompiledTape Compile() => Compile(int.MaxValue);

    /// <summary>Compiles the tape in chunks of at most <paramref name="stepsPerChunk"/> steps (tests cut short tapes into many).</summary>
    /// <param name="stepsPerChunk">The most steps per generated method, at least 1.</param>
    /// <returns>The compiled tape.</returns>
    internal CompiledTape Compile(int stepsPerChunk)
    {
        var code = new CompiledTapeCode(_steps, 0, StepCount, Shape, vector: null, stepsPerChunk);
        if (_customs.Length == 0)
        {
            // The JIT compiles a generated method when it first runs: run each once now, on zeros in arrays of our own,
            // so that compiling costs its time here and not in the first replay. Never with user-defined functions,
            // which run only when a replay asks for them.
            code.RunOnce();
        }

        return new(this, code);
    }

    /// <summary>Where the tape's slots are, for the code generator.</summary>
    internal TapeShape Shape => new(_inputCount, _firstComputed, _values.Length, _outputSlot, Array.ConvertAll(_customs, custom => custom.Inputs));

    /// <summary>The tape's steps, for the code generator.</summary>
    internal TapeSteps Steps => _steps;

    /// <summary>The tape's user-defined steps, which generated code for one point at a time calls.</summary>
    internal TapeCustomStep[] Customs => _customs;

    /// <summary>The buffer the user-defined steps share.</summary>
    internal double[] Scratch => _scratch;

    /// <summary>Sets the value of a slot, as a replay of the steps before it would (for replaying only the steps after it).</summary>
    /// <param name="slot">The slot.</param>
    /// <param name="value">Its value.</param>
    internal void SetValue(int slot, double value) => _values[slot] = value;

    /// <summary>The adjoint of a slot as of the latest backward sweep, where that sweep writes it.</summary>
    /// <param name="slot">The slot.</param>
    /// <returns>The adjoint.</returns>
    internal double AdjointAt(int slot) => _adjoints[slot];

    /// <summary>How many steps the tape replays: one per computed scalar, except that a product and the sum it feeds share one.</summary>
    internal int StepCount => _steps.All.Length;

    /// <summary>
    /// Where a compiled backward sweep starts: the output's adjoint becomes 0 + <paramref name="dOutput"/>, as the
    /// interpreter's cleared adjoint plus dOutput. The other adjoints are not cleared: the generated code writes each
    /// one's first share instead of adding it, and sets the inputs that receive none to 0.
    /// </summary>
    /// <param name="dOutput">The derivative to start from.</param>
    internal void StartCompiledBackward(double dOutput) => _adjoints[_outputSlot] = 0.0 + dOutput;

    /// <summary>Runs one generated chunk on this tape's arrays.</summary>
    /// <param name="pass">The chunk.</param>
    internal void Run(CompiledTapePass pass) => pass(_values, _adjoints, _customs, _scratch);

    /// <summary>
    /// Whether <paramref name="other"/> has this tape's steps, inputs and constant slots, so that code compiled for one
    /// replays the other.
    /// </summary>
    /// <param name="other">Another tape.</param>
    /// <returns>True when the code fits both.</returns>
    internal bool HasSameStepsAs(Tape other) =>
        other._inputCount == _inputCount && other._firstComputed == _firstComputed && other._steps.SameAs(_steps, out _);
}
