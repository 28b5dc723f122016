namespace MiniTorch;

/// <summary>
/// A <see cref="Tape"/> compiled to straight-line code (<see cref="Tape.Compile()"/>): the same forward and backward replay
/// with nothing left to interpret, bit for bit the interpreter's (and so the graph engine's) values and gradients.
/// </summary>
/// <remarks>
/// <para>
/// The interpreter loops over the steps, reads each step's operation and operand slots, and dispatches. Compiling writes
/// each step out as the IL it would run, with the slots as constants, one method per direction (per chunk, see below),
/// and runs it once on zeros so that the JIT turns it into machine code
/// there and then (except on a tape with user-defined functions, which run only when a replay calls them: there the
/// first replay pays for the JIT). The operations and their order are the interpreter's, so the results are too (see
/// <see cref="Tape"/> for what that order is). User-defined functions are called through their handle, exactly as the
/// interpreter calls them.
/// </para>
/// <para>
/// The compiled tape reads and writes the tape's own arrays: set inputs with <see cref="Tape.Inputs"/>, read
/// <see cref="Tape.Output"/>, <see cref="Tape.Gradients"/> and <see cref="Tape.ValueAt"/> on <see cref="Tape"/>, and
/// mix compiled and interpreted replays freely. Every value is stored as in an interpreted replay, so
/// <see cref="Tape.ValueAt"/> shows each slot; of the adjoints, only those of inputs are exposed (<see cref="Tape.Gradients"/>),
/// and the compiled sweep does not write those of constants and of intermediate sums, which nobody reads.
/// </para>
/// <para>
/// Cost and limits: compiling is mostly the JIT's time, some tens of microseconds per step written out (docs/performance.md
/// has the figures). A block of steps whose slots advance by fixed strides, as a dense layer's sums do, becomes a loop
/// rather than straight-line code, so that wide networks stay small and quick to compile; long tapes are cut into
/// chunks, each its own method, because the JIT stops optimising very large methods. Straight-line code pays only while
/// it fits the processor's instruction cache: see <see cref="WorthwhileSteps"/>. Not thread-safe, like the tape.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var tape = Tape.Record(x => (x[0] * x[1]).Sigmoid().Log(), 2.0, 0.75);
/// var compiled = tape.Compile();
/// var y = compiled.Forward([1.0, -0.5]);   // log σ(1 · −0.5)
/// compiled.Backward();                     // tape.Gradients is [∂y/∂x₀, ∂y/∂x₁]
/// </code>
/// </example>
public sealed class CompiledTape
{
    /// <summary>
    /// The most steps written out (a loop counting as one) worth compiling, measured on the development machine
    /// (docs/performance.md): a step written out is some 40 bytes of machine code forward and 70 backward, so above a
    /// few hundred of them the code outgrows the processor's instruction cache and runs no faster than the interpreter.
    /// The tape engines interpret a tape whose code would be longer; <see cref="Tape.Compile()"/> compiles any tape.
    /// </summary>
    public const int WorthwhileSteps = 400;

    private readonly CompiledTapeCode _code;

    internal CompiledTape(Tape tape, CompiledTapeCode code)
    {
        Tape = tape;
        _code = code;
    }

    /// <summary>The tape this code replays, whose arrays hold the inputs, values and gradients.</summary>
    public Tape Tape { get; }

    /// <summary>How many steps the code replays: one per computed scalar, except that a product and the sum it feeds share one.</summary>
    public int StepCount => _code.StepCount;

    /// <summary>How many generated methods each direction runs: one per chunk of the tape.</summary>
    public int ChunkCount => _code.Forward.Length;

    /// <summary>How many blocks of steps the code runs as loops rather than written out step by step.</summary>
    public int LoopCount => _code.LoopCount;

    /// <summary>Sets the inputs and replays forward; see <see cref="Forward()"/>.</summary>
    /// <param name="inputs">One value per input, in recording order.</param>
    /// <returns>The output's value at <paramref name="inputs"/>.</returns>
    /// <exception cref="ArgumentException">The number of values differs from <see cref="Tape.InputCount"/>.</exception>
    public double Forward(ReadOnlySpan<double> inputs)
    {
        Tape.SetInputs(inputs);
        return Forward();
    }

    /// <summary>Replays forward at the current <see cref="Tape.Inputs"/>, as <see cref="Tape.Forward()"/> does.</summary>
    /// <returns>The output's value, bit for bit the interpreter's.</returns>
    public double Forward()
    {
        foreach (var chunk in _code.Forward)
        {
            Tape.Run(chunk);
        }

        return Tape.Output;
    }

    /// <summary>Replays backward from the latest forward replay, as <see cref="Tape.Backward"/> does, filling <see cref="Tape.Gradients"/>.</summary>
    /// <param name="dOutput">The derivative to start from, 1 by default.</param>
    public void Backward(double dOutput = 1.0)
    {
        Tape.StartCompiledBackward(dOutput);
        for (var c = _code.Backward.Length - 1; c >= 0; c--)
        {
            Tape.Run(_code.Backward[c]);
        }
    }

    /// <summary>The same code on another tape with the same steps (recorded from the same model, say), without compiling again.</summary>
    /// <param name="other">The other tape.</param>
    /// <returns>A compiled tape that replays <paramref name="other"/>.</returns>
    /// <exception cref="ArgumentException">The other tape's steps differ.</exception>
    internal CompiledTape For(Tape other) =>
        other.HasSameStepsAs(Tape)
            ? new CompiledTape(other, _code)
            : throw new ArgumentException("The tape's steps differ from the compiled tape's.", nameof(other));
}
