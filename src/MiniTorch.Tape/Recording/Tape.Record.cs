namespace MiniTorch;

public sealed partial class Tape
{
    private static readonly Dictionary<FunctionHandle, TapeOp> NativeOps = new()
    {
        [FunctionHandle.Of<Functions.Add>()] = TapeOp.Add,
        [FunctionHandle.Of<Functions.Mul>()] = TapeOp.Mul,
        [FunctionHandle.Of<Functions.Neg>()] = TapeOp.Neg,
        [FunctionHandle.Of<Functions.Inv>()] = TapeOp.Inv,
        [FunctionHandle.Of<Functions.Log>()] = TapeOp.Log,
        [FunctionHandle.Of<Functions.Exp>()] = TapeOp.Exp,
        [FunctionHandle.Of<Functions.Sigmoid>()] = TapeOp.Sigmoid,
        [FunctionHandle.Of<Functions.Relu>()] = TapeOp.Relu,
        [FunctionHandle.Of<Functions.Tanh>()] = TapeOp.Tanh,
        [FunctionHandle.Of<Functions.Lt>()] = TapeOp.Lt,
        [FunctionHandle.Of<Functions.Eq>()] = TapeOp.Eq,
    };

    /// <summary>
    /// Flattens the graph that computed <paramref name="output"/> into a tape whose inputs are <paramref name="inputs"/>.
    /// </summary>
    /// <param name="output">The result of the computation, already computed with scalars.</param>
    /// <param name="inputs">
    /// The leaf scalars whose values replays will change, each once, in the order <see cref="Inputs"/> and
    /// <see cref="Gradients"/> use. An input the output does not depend on is allowed (its gradient is 0).
    /// </param>
    /// <returns>
    /// The tape, holding the recorded values: <see cref="Output"/> is <c>output.Data</c>, and <see cref="Backward"/>
    /// works before any <see cref="Forward()"/>. The graph is not changed. Constants keep their recorded values; a
    /// computation on constants alone was already folded into a constant by <see cref="Scalar.Apply{TFunction}"/>.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// An input is a constant or a computed scalar, or appears twice; or the output depends on a leaf that is not an
    /// input (the message names it: make it an input, or a <see cref="Scalar.Constant"/> if it is a fixed number).
    /// </exception>
    public static Tape Record(Scalar output, params ReadOnlySpan<Scalar> inputs)
    {
        ArgumentNullException.ThrowIfNull(output);
        var slots = new Dictionary<Scalar, int>(ReferenceEqualityComparer.Instance);
        var scalars = new List<Scalar>(inputs.Length);
        for (var i = 0; i < inputs.Length; i++)
        {
            var problem = AddInput(slots, scalars, inputs[i], i);
            if (problem is not null)
            {
                throw new ArgumentException(problem, nameof(inputs));
            }
        }

        // Newest first from the sort, so read backwards: oldest first, each scalar after everything it was computed from.
        var visited = Autodiff.TopologicalSort(output);
        var computed = new List<Scalar>(visited.Count);
        for (var n = visited.Count - 1; n >= 0; n--)
        {
            var scalar = (Scalar)visited[n];
            if (scalar.IsLeaf)
            {
                if (!slots.ContainsKey(scalar))
                {
                    throw new ArgumentException(
                        $"The output depends on leaf scalar {scalar.Name} (value {scalar.Data:R}), which is not an input of the tape. "
                        + "Pass it as an input, or create it with Scalar.Constant if it is a fixed number.",
                        nameof(inputs));
                }

                continue;
            }

            computed.Add(scalar);
            foreach (var argument in scalar.History!.Inputs)
            {
                if (argument.IsConstant && slots.TryAdd(argument, scalars.Count))
                {
                    scalars.Add(argument);
                }
            }
        }

        if (output.IsConstant && slots.TryAdd(output, scalars.Count))
        {
            scalars.Add(output);
        }

        var firstComputed = scalars.Count;
        foreach (var scalar in computed)
        {
            slots.Add(scalar, scalars.Count);
            scalars.Add(scalar);
        }

        return Build(inputs.Length, firstComputed, scalars, slots, slots[output]);
    }

    /// <summary>
    /// Runs <paramref name="f"/> once on new leaf scalars holding <paramref name="inputs"/> and records the tape of
    /// its result, with those leaves as the tape's inputs.
    /// </summary>
    /// <param name="f">The computation; fixed numbers inside it must be constants (<c>x * 2.0</c> is), not leaves.</param>
    /// <param name="inputs">The values at which to record.</param>
    /// <returns>The tape; see <see cref="Record(Scalar, ReadOnlySpan{Scalar})"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="f"/> used a leaf scalar it was not given.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="f"/> returned null.</exception>
    public static Tape Record(Func<Scalar[], Scalar> f, params ReadOnlySpan<double> inputs)
    {
        ArgumentNullException.ThrowIfNull(f);
        var leaves = NewLeaves(inputs);
        return Record(Run(f, leaves), leaves);
    }

    private static Scalar[] NewLeaves(ReadOnlySpan<double> values)
    {
        var leaves = new Scalar[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            leaves[i] = new Scalar(values[i], $"x{i}");
        }

        return leaves;
    }

    private static Scalar Run(Func<Scalar[], Scalar> f, Scalar[] leaves) =>
        f(leaves) ?? throw new InvalidOperationException("The function given to the tape returned null instead of a scalar.");

    private static string? AddInput(Dictionary<Scalar, int> slots, List<Scalar> scalars, Scalar input, int index)
    {
        if (input is null)
        {
            return $"Input {index} is null.";
        }

        if (!input.IsLeaf)
        {
            return $"Input {index} (scalar {input.Name}) is {(input.IsConstant ? "a constant" : "a computed scalar")}, "
                + "but the inputs of a tape must be leaf scalars.";
        }

        if (!slots.TryAdd(input, index))
        {
            return $"Input {index} (scalar {input.Name}) is also input {slots[input]}; each input may appear once.";
        }

        scalars.Add(input);
        return null;
    }

    private static Tape Build(int inputCount, int firstComputed, List<Scalar> scalars, Dictionary<Scalar, int> slots, int outputSlot)
    {
        var values = new double[scalars.Count];
        var ids = new long[scalars.Count];
        var uses = new int[scalars.Count];
        uses[outputSlot]++;
        for (var s = 0; s < scalars.Count; s++)
        {
            values[s] = scalars[s].Data;
            ids[s] = scalars[s].UniqueId;
            if (s >= firstComputed)
            {
                foreach (var argument in scalars[s].History!.Inputs)
                {
                    uses[slots[argument]]++;
                }
            }
        }

        var steps = new List<TapeSteps.Step>(scalars.Count - firstComputed);
        var customs = new List<TapeCustomStep>();
        var maxArity = 0;
        for (var slot = firstComputed; slot < scalars.Count; slot++)
        {
            var history = scalars[slot].History!;
            var arguments = history.Inputs;
            if (!NativeOps.TryGetValue(history.LastFunction!, out var op))
            {
                steps.Add(new(TapeOp.Custom, customs.Count, 0, 0, slot));
                customs.Add(new TapeCustomStep(history.LastFunction!, [.. arguments.Select(a => slots[a])], slot, history.Context!));
                maxArity = Math.Max(maxArity, arguments.Count);
                continue;
            }

            var a = slots[arguments[0]];
            var b = slots[arguments[^1]];
            if (op == TapeOp.Add && TryFuse(steps, uses, a, b, slot))
            {
                continue;
            }

            steps.Add(new(op, a, b, 0, slot));
        }

        return new Tape(inputCount, firstComputed, outputSlot, new TapeSteps(steps, uses), values, ids, [.. customs], maxArity);
    }

    /// <summary>
    /// Turns the last step into a <see cref="TapeOp.MulAdd"/> when it is a product used only by the sum a + b in
    /// <paramref name="slot"/>. Exact: no other step runs between the two, and the product's adjoint, whose one
    /// contribution is the sum's adjoint d, equals 0 + d = d (an adjoint is never −0).
    /// </summary>
    private static bool TryFuse(List<TapeSteps.Step> steps, int[] uses, int a, int b, int slot)
    {
        var product = slot - 1;
        if (steps.Count == 0 || steps[^1] is not { Op: TapeOp.Mul } mul || mul.Out != product || uses[product] != 1)
        {
            return false;
        }

        var acc = b == product ? a : a == product ? b : -1;
        if (acc < 0)
        {
            return false;
        }

        steps[^1] = new(TapeOp.MulAdd, acc, mul.A, mul.B, slot);
        return true;
    }
}
