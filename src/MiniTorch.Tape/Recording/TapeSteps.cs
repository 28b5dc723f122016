namespace MiniTorch;

/// <summary>
/// The operations of a tape in recording order (a topological order), and the same steps cut into runs of one
/// operation, so that a replay dispatches once per run rather than once per step.
/// </summary>
internal sealed class TapeSteps
{
    /// <summary>Keeps the steps, marks the chained sums and finds the runs.</summary>
    /// <param name="steps">The steps in recording order.</param>
    /// <param name="uses">For each slot, how many operands (and the output) refer to it.</param>
    public TapeSteps(List<Step> steps, int[] uses)
    {
        All = [.. steps];
        var runStarts = new List<int>();
        for (var k = 0; k < All.Length; k++)
        {
            var step = All[k];
            if (k > 0 && step.Op == TapeOp.MulAdd && All[k - 1].Op == TapeOp.MulAdd && step.A == All[k - 1].Out && uses[step.A] == 1)
            {
                All[k] = step with { Chained = true };
            }

            if (k == 0 || step.Op != All[k - 1].Op)
            {
                runStarts.Add(k);
            }
        }

        runStarts.Add(All.Length);
        RunStarts = [.. runStarts];
    }

    /// <summary>Every step, in recording order.</summary>
    public Step[] All { get; }

    /// <summary>Where each run starts, plus the step count at the end: run r is steps RunStarts[r] to RunStarts[r + 1] − 1.</summary>
    public int[] RunStarts { get; }

    /// <summary>The number of runs.</summary>
    public int RunCount => RunStarts.Length - 1;

    /// <summary>The steps of run <paramref name="run"/>, all with the same operation.</summary>
    /// <param name="run">From 0 to <see cref="RunCount"/> − 1.</param>
    /// <returns>The steps.</returns>
    public ReadOnlySpan<Step> Run(int run) => All.AsSpan(RunStarts[run], RunStarts[run + 1] - RunStarts[run]);

    /// <summary>True when <paramref name="other"/> has the same steps.</summary>
    /// <param name="other">The steps to compare with.</param>
    /// <param name="step">The first step that differs, or the shorter count when one is a prefix of the other.</param>
    /// <returns>True when every step is the same.</returns>
    public bool SameAs(TapeSteps other, out int step)
    {
        var count = Math.Min(All.Length, other.All.Length);
        for (step = 0; step < count; step++)
        {
            if (All[step] != other.All[step])
            {
                return false;
            }
        }

        return All.Length == other.All.Length;
    }

    /// <summary>The step that writes <paramref name="slot"/>, found by a linear search (for messages only).</summary>
    /// <param name="slot">A computed slot.</param>
    /// <returns>The step.</returns>
    public Step StepOf(int slot) => Array.Find(All, s => s.Out == slot || (s.Op == TapeOp.MulAdd && s.Out - 1 == slot));

    /// <summary>
    /// One step. Operands by operation: unary A; binary A, B; <see cref="TapeOp.MulAdd"/> A + B · C, with the product
    /// stored in Out − 1; <see cref="TapeOp.Custom"/> A indexes the tape's custom steps.
    /// </summary>
    /// <param name="Op">The operation.</param>
    /// <param name="A">The first operand.</param>
    /// <param name="B">The second operand.</param>
    /// <param name="C">The third operand.</param>
    /// <param name="Out">The slot written.</param>
    /// <param name="Chained">
    /// For <see cref="TapeOp.MulAdd"/>: true when A is the previous step's sum and nothing else uses it, so that a replay
    /// keeps the running sum, and in reverse its adjoint (then exactly this step's adjoint, 0 + d = d), in a register.
    /// </param>
    public readonly record struct Step(TapeOp Op, int A, int B, int C, int Out, bool Chained = false);
}
