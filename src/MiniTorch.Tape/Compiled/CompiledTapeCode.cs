namespace MiniTorch;

/// <summary>
/// The generated code of a tape: its steps cut into chunks of at most the given number of steps, each
/// compiled once forward and once backward. It holds no numbers, so every tape with the same steps can run it.
/// </summary>
internal sealed class CompiledTapeCode
{
    /// <summary>Generates the code of <paramref name="steps"/>.</summary>
    /// <param name="steps">The tape's steps.</param>
    /// <param name="stepsPerChunk">The most steps per generated method, at least 1.</param>
    /// <param name="shape">Where the tape's slots are.</param>
    public CompiledTapeCode(TapeSteps steps, int stepsPerChunk, TapeShape shape)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stepsPerChunk, 1);
        var all = steps.All;
        StepCount = all.Length;
        // At least one chunk, even with no steps: the backward sweep's first chunk sets the inputs' adjoints.
        var chunks = Math.Max(1, (all.Length + stepsPerChunk - 1) / stepsPerChunk);
        Forward = new CompiledTapePass[chunks];
        Backward = new CompiledTapePass[chunks];
        // Backward in the order the sweep runs the chunks, last first, so that each knows which adjoints the ones before
        // it have written.
        var written = new bool[shape.SlotCount];
        written[shape.OutputSlot] = true;
        for (var c = chunks - 1; c >= 0; c--)
        {
            var first = c * stepsPerChunk;
            var end = Math.Min(all.Length, first + stepsPerChunk);
            Forward[c] = TapeCodeGenerator.Forward(all, first, end);
            Backward[c] = TapeCodeGenerator.Backward(all, first, end, shape, written);
        }
    }

    /// <summary>How many steps the code replays.</summary>
    public int StepCount { get; }

    /// <summary>The forward chunks, to run first to last.</summary>
    public CompiledTapePass[] Forward { get; }

    /// <summary>The backward chunks, to run last to first.</summary>
    public CompiledTapePass[] Backward { get; }

    /// <summary>Runs every chunk once on the given arrays, with no user-defined steps: the JIT compiles each as it first runs.</summary>
    /// <param name="values">Value slots, as many as the tape has.</param>
    /// <param name="adjoints">Adjoint slots, as many.</param>
    public void RunOnce(double[] values, double[] adjoints)
    {
        foreach (var pass in Forward.Concat(Backward))
        {
            pass(values, adjoints, [], []);
        }
    }
}
