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
    internal CompiledTape Compile(int stepsPerChunk) =>
        new(this, new CompiledTapeCode(_steps, stepsPerChunk, slot => slot >= _inputCount && slot < _firstComputed));

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
