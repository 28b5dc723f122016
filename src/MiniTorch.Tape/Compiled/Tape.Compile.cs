namespace MiniTorch;

public sealed partial class Tape
{
    /// <summary>
    /// Compiles the tape's steps into straight-line code that replays them forward and backward with exactly the
    /// interpreter's operations, in its order: the same values and gradients, bit for bit, without interpreting.
    /// </summary>
    /// <returns>The compiled tape, replaying this tape's arrays.</returns>
    /// <remarks>See <see cref="CompiledTape"/> for what it costs and when it pays.</remarks>
    public CompiledTape Compile() => Compile(CompiledTape.StepsPerChunk);

    /// <summary>Compiles the tape in chunks of at most <paramref name="stepsPerChunk"/> steps (tests cut short tapes into many).</summary>
    /// <param name="stepsPerChunk">The most steps per generated method, at least 1.</param>
    /// <returns>The compiled tape.</returns>
    internal CompiledTape Compile(int stepsPerChunk)
    {
        var shape = new TapeShape(_inputCount, _firstComputed, _values.Length, _outputSlot, Array.ConvertAll(_customs, custom => custom.Inputs));
        var code = new CompiledTapeCode(_steps, stepsPerChunk, shape);
        if (_customs.Length == 0)
        {
            // The JIT compiles a generated method when it first runs: run each once now, on zeros in arrays of our own,
            // so that compiling costs its time here and not in the first replay. Never with user-defined functions,
            // which run only when a replay asks for them.
            code.RunOnce(new double[_values.Length], new double[_values.Length]);
        }

        return new(this, code);
    }

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
