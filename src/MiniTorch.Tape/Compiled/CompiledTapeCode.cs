namespace MiniTorch;

/// <summary>
/// The generated code of some steps of a tape, for one point at a time or several (<see cref="LaneVector"/>): the steps
/// cut into chunks, each compiled once forward and once backward. It holds no numbers, so every tape with the same steps
/// can run it (on arrays with one slot per lane).
/// </summary>
/// <remarks>
/// A chunk is as many steps as keep its methods well below the sizes at which the JIT stops optimising (20,000 IL
/// instructions, 8,000 references to locals): a step written out costs some 35 instructions, a loop about as much
/// however many steps it runs. A method found too large after generating is generated again in smaller chunks.
/// </remarks>
internal sealed class CompiledTapeCode
{
    /// <summary>
    /// The fewest steps a block needs to become a loop (<see cref="TapeCodeGenerator"/>); shorter blocks are written out
    /// step by step, which runs faster but costs the JIT more.
    /// </summary>
    public const int MinLoopSteps = 2;

    // What a chunk may hold, in steps written out (a loop counts as two).
    private const int ChunkUnits = 300;

    // The sizes at which a generated method is cut again: well within what the JIT optimises.
    private const int MaxBytes = 40_000;
    private const int MaxLocalReferences = 5_000;

    /// <summary>Generates the code of steps <paramref name="first"/> to <paramref name="end"/> − 1.</summary>
    /// <param name="steps">The tape's steps.</param>
    /// <param name="first">The first step to compile.</param>
    /// <param name="end">One past the last.</param>
    /// <param name="shape">Where the tape's slots are (the backward sweep starts from <see cref="TapeShape.OutputSlot"/>).</param>
    /// <param name="vector">The lanes' vector type, or <see langword="null"/> for one point at a time.</param>
    /// <param name="maxStepsPerChunk">The most steps per chunk, at least 1 (tests cut short tapes into many).</param>
    /// <param name="minLoopSteps">The fewest steps a block needs to become a loop (tests make loops of short tapes).</param>
    /// <param name="cancel">Checked between chunks; generating stops with <see cref="OperationCanceledException"/>.</param>
    public CompiledTapeCode(
        TapeSteps steps, int first, int end, TapeShape shape, LaneVector? vector, int maxStepsPerChunk = int.MaxValue, int minLoopSteps = MinLoopSteps, CancellationToken cancel = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxStepsPerChunk, 1);
        StepCount = end - first;
        Lanes = vector?.Lanes ?? 1;
        SlotCount = shape.SlotCount;
        OutputSlot = shape.OutputSlot;
        for (var units = ChunkUnits; ; units /= 2)
        {
            var bounds = ChunkBounds(steps.All, first, end, Math.Max(1, units), maxStepsPerChunk, minLoopSteps);
            var chunks = bounds.Length - 1;
            Forward = new CompiledTapePass[chunks];
            Backward = new CompiledTapePass[chunks];

            // Backward in the order the sweep runs the chunks, last first, so that each knows which adjoints the ones before
            // it have written.
            var written = new bool[shape.SlotCount];
            written[shape.OutputSlot] = true;
            var fits = true;
            for (var c = chunks - 1; c >= 0; c--)
            {
                cancel.ThrowIfCancellationRequested();
                var forward = StepBlocks.Forward(steps.All, bounds[c], bounds[c + 1]);
                var backward = StepBlocks.Backward(steps.All, bounds[c], bounds[c + 1], shape, written, out var unwritten);
                LoopCount += forward.Count(block => block.StepCount > 1 && block.StepCount >= minLoopSteps);
                Forward[c] = TapeCodeGenerator.Forward(forward, vector, minLoopSteps, out var forwardSize);
                Backward[c] = TapeCodeGenerator.Backward(backward, unwritten, vector, minLoopSteps, out var backwardSize);
                fits &= Fits(forwardSize) && Fits(backwardSize);
            }

            if (fits || units <= 1)
            {
                return;
            }

            LoopCount = 0;
        }
    }

    /// <summary>How many steps the code replays.</summary>
    public int StepCount { get; }

    /// <summary>How many points one run of the code replays: 1, or the lanes of its vectors.</summary>
    public int Lanes { get; }

    /// <summary>How many slots the arrays the code runs on hold per lane.</summary>
    public int SlotCount { get; }

    /// <summary>The slot whose adjoint the backward sweep starts from.</summary>
    public int OutputSlot { get; }

    /// <summary>How many blocks of steps the forward code runs as loops.</summary>
    public int LoopCount { get; private set; }

    /// <summary>The forward chunks, to run first to last.</summary>
    public CompiledTapePass[] Forward { get; private set; } = [];

    /// <summary>The backward chunks, to run last to first.</summary>
    public CompiledTapePass[] Backward { get; private set; } = [];

    /// <summary>
    /// How many steps' worth of code replaying steps 0 to <paramref name="end"/> − 1 takes: the steps written out, plus
    /// one per loop. Straight-line code is fast only while it fits the processor's instruction cache (docs/performance.md).
    /// </summary>
    /// <param name="steps">Every step of a tape.</param>
    /// <param name="end">One past the last step to count.</param>
    /// <returns>The size in steps.</returns>
    public static int CodeSteps(TapeSteps.Step[] steps, int end) =>
        StepBlocks.Forward(steps, 0, end).Sum(block => block.StepCount >= MinLoopSteps ? 1 : block.StepCount);

    /// <summary>Runs every chunk once on zeros, with no user-defined steps: the JIT compiles each as it first runs.</summary>
    /// <param name="cancel">Checked before each chunk.</param>
    public void RunOnce(CancellationToken cancel = default)
    {
        var values = new double[SlotCount * Lanes];
        var adjoints = new double[SlotCount * Lanes];
        foreach (var pass in Forward.Concat(Backward))
        {
            cancel.ThrowIfCancellationRequested();
            pass(values, adjoints, [], []);
        }
    }

    private static bool Fits((int Bytes, int LocalReferences) size) => size.Bytes <= MaxBytes && size.LocalReferences <= MaxLocalReferences;

    // Where each chunk starts, plus the end: chunks of at most `units` steps written out (a loop counting two) and at
    // most maxSteps steps. Always at least one chunk, even with no steps: the backward sweep's first chunk sets the
    // inputs' adjoints.
    private static int[] ChunkBounds(TapeSteps.Step[] steps, int first, int end, int units, int maxSteps, int minLoopSteps)
    {
        var weights = new double[end - first];
        var k = 0;
        foreach (var block in StepBlocks.Forward(steps, first, end))
        {
            var weight = block.StepCount >= minLoopSteps ? 2.0 / block.StepCount : 1.0;
            for (var i = 0; i < block.StepCount; i++)
            {
                weights[k++] = weight;
            }
        }

        var bounds = new List<int> { first };
        var filled = 0.0;
        for (k = first; k < end; k++)
        {
            if (k > bounds[^1] && (k - bounds[^1] >= maxSteps || filled + weights[k - first] > units))
            {
                bounds.Add(k);
                filled = 0.0;
            }

            filled += weights[k - first];
        }

        bounds.Add(end);
        return [.. bounds];
    }
}
