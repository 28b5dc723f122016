namespace MiniTorch;

/// <summary>
/// Cuts the steps of a chunk into <see cref="StepBlock"/>s, in the order a direction runs them: first the flags of every
/// step (for the backward sweep, by following which adjoints are written in which order), then runs of steps whose
/// slots advance by fixed strides and whose flags agree, then rows of such runs.
/// </summary>
internal static class StepBlocks
{
    /// <summary>The blocks of the forward replay of steps <paramref name="first"/> to <paramref name="end"/> − 1, in recording order.</summary>
    /// <param name="steps">Every step of the tape.</param>
    /// <param name="first">The chunk's first step.</param>
    /// <param name="end">One past its last.</param>
    /// <returns>The blocks.</returns>
    public static List<StepBlock> Forward(TapeSteps.Step[] steps, int first, int end)
    {
        var plan = new List<(TapeSteps.Step, StepFlags, int[])>(end - first);
        for (var k = first; k < end; k++)
        {
            var s = steps[k];
            plan.Add((s, new StepFlags(IsChained(s, k, first), false, Share.None, Share.None, Share.None), []));
        }

        return Group(plan);
    }

    /// <summary>
    /// The blocks of the backward sweep of steps <paramref name="end"/> − 1 down to <paramref name="first"/>, in that
    /// order, and the inputs whose adjoints nothing wrote when the chunk is the first (<paramref name="first"/> 0): they
    /// must be set to 0.
    /// </summary>
    /// <param name="steps">Every step of the tape.</param>
    /// <param name="first">The chunk's first step.</param>
    /// <param name="end">One past its last.</param>
    /// <param name="shape">Where the tape's slots are.</param>
    /// <param name="written">
    /// Which adjoints the sweep has written before this chunk runs; updated with this chunk's. Each share is the first
    /// (stored as 0 + share) where the adjoint is not yet written, an addition otherwise, as in the interpreter, whose
    /// adjoints start at 0.
    /// </param>
    /// <param name="unwrittenInputs">The inputs to set to 0 at the chunk's end.</param>
    /// <returns>The blocks.</returns>
    public static List<StepBlock> Backward(TapeSteps.Step[] steps, int first, int end, TapeShape shape, bool[] written, out int[] unwrittenInputs)
    {
        var plan = new List<(TapeSteps.Step, StepFlags, int[])>(end - first);
        var carried = false;
        Share Write(int slot)
        {
            if (shape.IsConstant(slot))
            {
                return Share.Constant;
            }

            var share = written[slot] ? Share.Add : Share.First;
            written[slot] = true;
            return share;
        }

        for (var k = end - 1; k >= first; k--)
        {
            var s = steps[k];
            switch (s.Op)
            {
                case TapeOp.MulAdd:
                    var carriedIn = carried;
                    carried = IsChained(s, k, first);
                    var a = carried ? Share.None : Write(s.A);
                    var b = Write(s.B);
                    plan.Add((s, new StepFlags(carriedIn, carried, a, b, Write(s.C)), []));
                    continue;
                case TapeOp.Custom:
                    var cleared = shape.CustomInputs[s.A].Where(slot => !written[slot]).Distinct().ToArray();
                    foreach (var slot in cleared)
                    {
                        written[slot] = true;
                    }

                    plan.Add((s, default, cleared));
                    break;
                case TapeOp.Add or TapeOp.Mul or TapeOp.Lt or TapeOp.Eq:
                    var first2 = Write(s.A);
                    plan.Add((s, new StepFlags(false, false, first2, Write(s.B), Share.None), []));
                    break;
                default:
                    plan.Add((s, new StepFlags(false, false, Write(s.A), Share.None, Share.None), []));
                    break;
            }

            carried = false;
        }

        unwrittenInputs = first == 0 ? [.. Enumerable.Range(0, shape.InputCount).Where(slot => !written[slot])] : [];
        foreach (var slot in unwrittenInputs)
        {
            written[slot] = true;
        }

        return Group(plan);
    }

    // A MulAdd whose running sum comes from the step just before it, in the same chunk (across chunks it goes through memory).
    private static bool IsChained(TapeSteps.Step step, int k, int first) => step.Op == TapeOp.MulAdd && step.Chained && k > first;

    // Runs of steps with fixed strides, then rows of equal runs.
    private static List<StepBlock> Group(List<(TapeSteps.Step Step, StepFlags Flags, int[] Cleared)> plan)
    {
        var runs = new List<StepBlock>();
        var i = 0;
        while (i < plan.Count)
        {
            var (start, flags, cleared) = plan[i];
            var stride = default(Slots);
            var j = i + 1;
            while (j < plan.Count && start.Op != TapeOp.Custom && plan[j].Step.Op == start.Op)
            {
                var step = Slots.Of(plan[j].Step) - Slots.Of(plan[j - 1].Step);
                StepFlags? merged = j == i + 1 ? Merge(flags, plan[j].Flags, step) : step == stride && plan[j].Flags == flags.AfterFirst() ? flags : null;
                if (merged is not { } next || !SumsAreAlone(start, next, plan[j].Step) || !SumsAreAlone(start, next, start))
                {
                    break;
                }

                (flags, stride) = (next, step);
                j++;
            }

            runs.Add(new StepBlock(start, j == i + 1 ? plan[i].Flags : flags, j - i, 1, stride, default) { ClearedBefore = cleared });
            i = j;
        }

        var blocks = new List<StepBlock>(runs.Count);
        var r = 0;
        while (r < runs.Count)
        {
            var run = runs[r];
            var rowStride = default(Slots);
            var next = r + 1;
            while (run.Count > 1 && next < runs.Count && SameShape(run, runs[next])
                && (next == r + 1 || runs[next].Start - runs[next - 1].Start == rowStride))
            {
                rowStride = runs[next].Start - runs[next - 1].Start;
                next++;
            }

            blocks.Add(next == r + 1 ? run : run with { Rows = next - r, RowStride = rowStride });
            r = next;
        }

        return blocks;
    }

    private static bool SameShape(StepBlock x, StepBlock y) =>
        x.Step.Op == y.Step.Op && x.Count == y.Count && x.Stride == y.Stride && x.Flags == y.Flags;

    // The flags of a run from the flags of its first two steps: equal, except that an operand that stays in place
    // (stride 0) and is added to after its first share is summed in a register over the run.
    private static StepFlags? Merge(StepFlags first, StepFlags second, Slots stride)
    {
        if (first.CarriedIn != second.CarriedIn || first.CarryOut != second.CarryOut)
        {
            return null;
        }

        var a = MergeShare(first.A, second.A, stride.A);
        var b = MergeShare(first.B, second.B, stride.B);
        var c = MergeShare(first.C, second.C, stride.C);
        return a is { } x && b is { } y && c is { } z ? first with { A = x, B = y, C = z } : null;
    }

    private static Share? MergeShare(Share first, Share second, int stride) =>
        stride == 0 && second == Share.Add && first is Share.First or Share.Add
            ? first == Share.First ? Share.SumFromZero : Share.SumFromMemory
            : first == second ? first : null;

    // A share summed in a register must be the only access to that adjoint in the run: no other operand of a step, and
    // no step's own adjoint, may be the same slot.
    private static bool SumsAreAlone(TapeSteps.Step start, StepFlags flags, TapeSteps.Step step)
    {
        var roles = Roles(start.Op);
        Span<int> slots = [step.A, step.B, step.C];
        Span<Share> shares = [flags.A, flags.B, flags.C];
        Span<int> summed = [start.A, start.B, start.C];
        for (var r = 0; r < roles; r++)
        {
            if (shares[r] is not (Share.SumFromZero or Share.SumFromMemory))
            {
                continue;
            }

            for (var q = 0; q < roles; q++)
            {
                if (q != r && slots[q] == summed[r])
                {
                    return false;
                }
            }

            if (step.Out == summed[r] || start.Out == summed[r])
            {
                return false;
            }
        }

        return true;
    }

    // How many operands an operation reads: A; A and B; A, B and C.
    private static int Roles(TapeOp op) => op switch
    {
        TapeOp.MulAdd => 3,
        TapeOp.Add or TapeOp.Mul or TapeOp.Lt or TapeOp.Eq => 2,
        _ => 1,
    };
}
