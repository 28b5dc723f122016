namespace MiniTorch;

/// <summary>
/// Consecutive steps (in the order a direction runs them) that one loop can run: the same operation and treatment,
/// with every operand slot advancing by a fixed stride from step to step, and, for <see cref="Rows"/> above 1, from
/// row to row. A dense layer's sums are such a block: step (i, j) adds input i times weight (i, j) to the sum of
/// output j, so its slots are affine in i and j. A block of one step is a single step.
/// </summary>
/// <param name="Step">The first step the block runs (all of it for a single step: a user-defined step is always single).</param>
/// <param name="Flags">How every step of the block is treated.</param>
/// <param name="Count">The steps of a row, at least 1.</param>
/// <param name="Rows">The rows, at least 1.</param>
/// <param name="Stride">What each slot advances by from one step of a row to the next.</param>
/// <param name="RowStride">What each slot advances by from one row's first step to the next row's.</param>
internal sealed record StepBlock(TapeSteps.Step Step, StepFlags Flags, int Count, int Rows, Slots Stride, Slots RowStride)
{
    /// <summary>
    /// Backward, for a user-defined step: the adjoints of its inputs that no step has written yet in the sweep, set to 0
    /// before its <c>Backward</c> adds its shares to them (the interpreter's cleared adjoints).
    /// </summary>
    public int[] ClearedBefore { get; init; } = [];

    /// <summary>How many steps the block runs.</summary>
    public int StepCount => Count * Rows;

    /// <summary>The slots of the block's first step.</summary>
    public Slots Start => Slots.Of(Step);

    /// <summary>
    /// Every step of the block with its own flags, in the order they run: what emitting the block without a loop
    /// emits. A share summed in a register over a row (<see cref="Share.SumFromZero"/>, <see cref="Share.SumFromMemory"/>)
    /// is, step by step, the row's first share (from 0 or added to memory) and then additions.
    /// </summary>
    /// <returns>The steps and flags.</returns>
    public IEnumerable<(TapeSteps.Step Step, StepFlags Flags)> Steps()
    {
        for (var row = 0; row < Rows; row++)
        {
            for (var i = 0; i < Count; i++)
            {
                var slots = Start + (RowStride * row) + (Stride * i);
                var step = Step with { A = slots.A, B = slots.B, C = slots.C, Out = slots.Out };
                yield return (step, i == 0 ? Flags.FirstOfRow() : Flags.AfterFirst());
            }
        }
    }
}

/// <summary>The slots a step names: its operands A, B and C (unused ones as recorded) and the slot it writes.</summary>
/// <param name="A">The first operand.</param>
/// <param name="B">The second operand.</param>
/// <param name="C">The third operand.</param>
/// <param name="Out">The slot written.</param>
internal readonly record struct Slots(int A, int B, int C, int Out)
{
    /// <summary>The slots of <paramref name="step"/>.</summary>
    /// <param name="step">A step.</param>
    /// <returns>Its slots.</returns>
    public static Slots Of(TapeSteps.Step step) => new(step.A, step.B, step.C, step.Out);

    public static Slots operator +(Slots x, Slots y) => new(x.A + y.A, x.B + y.B, x.C + y.C, x.Out + y.Out);

    public static Slots operator -(Slots x, Slots y) => new(x.A - y.A, x.B - y.B, x.C - y.C, x.Out - y.Out);

    public static Slots operator *(Slots x, int factor) => new(x.A * factor, x.B * factor, x.C * factor, x.Out * factor);
}

/// <summary>
/// How a step is run, beyond its operation and slots. Forward: whether its running sum comes from the step before
/// (<see cref="CarriedIn"/>). Backward: whether its adjoint comes from the step before in the sweep, whether it hands
/// its first operand's adjoint on instead of storing it, and how each operand's share reaches its adjoint.
/// </summary>
/// <param name="CarriedIn">
/// Forward, a <see cref="TapeOp.MulAdd"/> whose sum A is the previous step's, kept in a register. Backward, a
/// <see cref="TapeOp.MulAdd"/> whose adjoint d was handed on by the step run just before (the one that uses its sum).
/// </param>
/// <param name="CarryOut">Backward, a <see cref="TapeOp.MulAdd"/> that hands d on to the step that produced its A, instead of storing A's share.</param>
/// <param name="A">How the share of operand A reaches its adjoint.</param>
/// <param name="B">How the share of operand B reaches its adjoint.</param>
/// <param name="C">How the share of operand C reaches its adjoint.</param>
internal readonly record struct StepFlags(bool CarriedIn, bool CarryOut, Share A, Share B, Share C)
{
    /// <summary>The flags of a row's first step, where a share summed over the row starts.</summary>
    /// <returns>The flags, without sums.</returns>
    public StepFlags FirstOfRow() => this with { A = Start(A), B = Start(B), C = Start(C) };

    /// <summary>The flags of a row's later steps, where a share summed over the row is one more addition.</summary>
    /// <returns>The flags, without sums.</returns>
    public StepFlags AfterFirst() => this with { A = Continue(A), B = Continue(B), C = Continue(C) };

    private static Share Start(Share share) => share switch
    {
        Share.SumFromZero => Share.First,
        Share.SumFromMemory => Share.Add,
        _ => share,
    };

    private static Share Continue(Share share) => share is Share.SumFromZero or Share.SumFromMemory ? Share.Add : share;
}

/// <summary>How an operand's share reaches its adjoint in a backward sweep.</summary>
internal enum Share : byte
{
    /// <summary>The step has no such operand, or hands its share on (<see cref="StepFlags.CarryOut"/>).</summary>
    None,

    /// <summary>The operand is a constant, whose adjoint nobody reads: nothing is computed.</summary>
    Constant,

    /// <summary>The first share of the sweep: stored as 0 + share, the interpreter's cleared 0 plus it.</summary>
    First,

    /// <summary>A later share: added to the adjoint in memory.</summary>
    Add,

    /// <summary>In a loop, the same operand in every step of a row: its shares summed in a register from 0, stored after the row.</summary>
    SumFromZero,

    /// <summary>As <see cref="SumFromZero"/>, starting from the adjoint in memory.</summary>
    SumFromMemory,
}
