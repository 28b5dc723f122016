using System.Reflection;
using System.Reflection.Emit;
using MiniTorch.Functions;

namespace MiniTorch;

/// <summary>
/// Writes the blocks of a chunk of a tape (<see cref="StepBlocks"/>) as IL, one <see cref="DynamicMethod"/> per
/// direction and chunk: what <see cref="Tape.Forward()"/> and <see cref="Tape.Backward"/> do for those steps, with every
/// slot a constant offset (or a loop's position plus one) instead of an index read from a step, and no switch.
/// </summary>
/// <remarks>
/// <para>
/// Each generated method takes the value, adjoint, custom-step and scratch arrays (<see cref="CompiledTapePass"/>). It
/// holds a reference to the first value and the first adjoint and reads slot s at that reference plus s times the bytes
/// of a slot, as the interpreter's <c>At</c> does: no bounds checks, which the interpreter skips too, and nothing that
/// depends on one particular tape's arrays, so the same code replays every tape with the same steps. With lanes
/// (<see cref="LaneVector"/>), a slot holds one double per point and every operation works on all of them at once.
/// </para>
/// <para>
/// A block of many steps becomes a loop (two nested loops for rows) whose body is one step, with the operand slots
/// moving by the block's strides: the code stays small however wide the network, and the JIT compiles it quickly. A
/// shorter block is written out step by step, which runs a little faster.
/// </para>
/// <para>
/// Why the bits are the interpreter's: every step emits the operations the interpreter performs for it, in its order,
/// each rounded to a double as it is stored; a loop runs its steps in the same order; the rules are the same
/// <see cref="Operators"/> methods and functions' <c>Back</c>, applied through <see cref="TapeCodeEmitter.Apply"/>.
/// Four things are left out because they change no bit anyone can read: adding shares to the adjoints of constants
/// (never read); storing the adjoint of a sum that the next step of the sweep takes from a register instead (the
/// interpreter skips that read too); re-reading a running sum in the forward direction (it is the value just stored);
/// and clearing the adjoints before a sweep: each adjoint's first share is stored as 0 + share, the cleared 0 plus it,
/// and the inputs that receive none are set to 0. A share summed in a register over a loop's row is added in the same
/// order as in memory.
/// </para>
/// </remarks>
internal sealed class TapeCodeGenerator
{
    private static readonly Type[] Parameters = [typeof(double[]), typeof(double[]), typeof(TapeCustomStep[]), typeof(double[])];

    // The Operators methods the code applies, looked up once: every one takes and returns doubles only.
    private static readonly Dictionary<string, MethodInfo> OperatorMethods = typeof(Operators)
        .GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Where(m => m.ReturnType == typeof(double) && m.GetParameters().All(p => p.ParameterType == typeof(double)))
        .ToDictionary(m => m.Name);

    private readonly TapeCodeEmitter _il;
    private readonly int _minLoopSteps;
    private readonly LocalBuilder _sum;
    private readonly LocalBuilder _product;
    private readonly LocalBuilder _d;
    private readonly List<LocalBuilder> _positions = [];
    private readonly List<LocalBuilder> _counters = [];
    private readonly LocalBuilder?[] _sums = new LocalBuilder?[3];

    private TapeCodeGenerator(TapeCodeEmitter il, int minLoopSteps)
    {
        _il = il;
        _minLoopSteps = minLoopSteps;
        _sum = il.DeclareLanes();
        _product = il.DeclareLanes();
        _d = il.DeclareLanes();
    }

    /// <summary>Generates the forward replay of <paramref name="blocks"/>.</summary>
    /// <param name="blocks">The chunk's blocks, from <see cref="StepBlocks.Forward"/>.</param>
    /// <param name="vector">The lanes' vector type, or <see langword="null"/> for one point at a time.</param>
    /// <param name="minLoopSteps">The fewest steps a block needs to become a loop.</param>
    /// <param name="size">The method's size: IL bytes and references to locals.</param>
    /// <returns>The compiled chunk.</returns>
    public static CompiledTapePass Forward(List<StepBlock> blocks, LaneVector? vector, int minLoopSteps, out (int Bytes, int LocalReferences) size) =>
        Generate("TapeForward", blocks, vector, minLoopSteps, [], forward: true, out size);

    /// <summary>Generates the backward sweep of <paramref name="blocks"/>, then sets the adjoints of <paramref name="unwrittenInputs"/> to 0.</summary>
    /// <param name="blocks">The chunk's blocks, from <see cref="StepBlocks.Backward"/>.</param>
    /// <param name="unwrittenInputs">The inputs that no step of the sweep gives a share (from the tape's first chunk).</param>
    /// <param name="vector">The lanes' vector type, or <see langword="null"/> for one point at a time.</param>
    /// <param name="minLoopSteps">The fewest steps a block needs to become a loop.</param>
    /// <param name="size">The method's size: IL bytes and references to locals.</param>
    /// <returns>The compiled chunk.</returns>
    public static CompiledTapePass Backward(List<StepBlock> blocks, int[] unwrittenInputs, LaneVector? vector, int minLoopSteps, out (int Bytes, int LocalReferences) size) =>
        Generate("TapeBackward", blocks, vector, minLoopSteps, unwrittenInputs, forward: false, out size);

    private static CompiledTapePass Generate(
        string name, List<StepBlock> blocks, LaneVector? vector, int minLoopSteps, int[] unwrittenInputs, bool forward, out (int Bytes, int LocalReferences) size)
    {
        var first = blocks.Count == 0 ? 0 : forward ? blocks[0].Step.Out : blocks[^1].Step.Out;
        var method = new DynamicMethod(
            $"{name}{vector?.Lanes ?? 1}x{first}", typeof(void), Parameters, typeof(TapeCodeGenerator).Module, skipVisibility: true);
        var ilGenerator = method.GetILGenerator();
        var il = new TapeCodeEmitter(ilGenerator, vector);
        var generator = new TapeCodeGenerator(il, minLoopSteps);
        foreach (var block in blocks)
        {
            generator.Block(block, forward);
        }

        foreach (var slot in unwrittenInputs)
        {
            il.AdjointAddress(new SlotAt(slot));
            il.Zero();
            il.StoreIndirect();
        }

        il.Return();
        size = (ilGenerator.ILOffset, il.LocalReferences);
        return method.CreateDelegate<CompiledTapePass>();
    }

    private void Block(StepBlock block, bool forward)
    {
        if (block.StepCount == 1 || block.StepCount < _minLoopSteps)
        {
            foreach (var (step, flags) in block.Steps())
            {
                var slots = Slots.Of(step);
                var at = new StepSlots(new SlotAt(slots.A), new SlotAt(slots.B), new SlotAt(slots.C), new SlotAt(slots.Out));
                Step(step, flags, at, block.ClearedBefore, forward);
            }

            return;
        }

        Loop(block, forward);
    }

    // Rows (when more than one) of Count steps each; a position per operand that moves, counted in bytes from the
    // block's first step.
    private void Loop(StepBlock block, bool forward)
    {
        var start = block.Start;
        var rows = block.Rows > 1;
        Span<int> starts = [start.A, start.B, start.C, start.Out];
        Span<int> strides = [block.Stride.A, block.Stride.B, block.Stride.C, block.Stride.Out];
        Span<int> rowStrides = [block.RowStride.A, block.RowStride.B, block.RowStride.C, block.RowStride.Out];
        var rowPositions = new LocalBuilder?[4];
        var positions = new LocalBuilder?[4];
        var at = new SlotAt[4];
        var used = 0;
        for (var r = 0; r < 4; r++)
        {
            rowPositions[r] = rows && rowStrides[r] != 0 ? Position(used++) : null;
            positions[r] = strides[r] != 0 ? Position(used++) : null;
            at[r] = new SlotAt(starts[r], positions[r] ?? rowPositions[r]);
        }

        var slots = new StepSlots(at[0], at[1], at[2], at[3]);
        var rowCounter = rows ? Counter(1) : null;
        var rowLoop = _il.DefineLabel();
        if (rowCounter is not null)
        {
            _il.Set(rowCounter, block.Rows);
            foreach (var rowPosition in rowPositions)
            {
                if (rowPosition is not null)
                {
                    _il.Set(rowPosition, 0);
                }
            }

            _il.MarkLabel(rowLoop);
        }

        for (var r = 0; r < 4; r++)
        {
            if (positions[r] is { } position)
            {
                if (rowPositions[r] is { } rowPosition)
                {
                    _il.Copy(rowPosition, position);
                }
                else
                {
                    _il.Set(position, 0);
                }
            }
        }

        var shares = new[] { block.Flags.A, block.Flags.B, block.Flags.C };
        StartSums(shares, slots);
        var counter = Counter(0);
        var loop = _il.DefineLabel();
        _il.Set(counter, block.Count);
        _il.MarkLabel(loop);
        Step(block.Step, block.Flags, slots, [], forward);
        for (var r = 0; r < 4; r++)
        {
            if (positions[r] is { } position)
            {
                _il.Advance(position, strides[r]);
            }
        }

        _il.CountDown(counter, loop);
        EndSums(shares, slots);
        if (rowCounter is not null)
        {
            for (var r = 0; r < 4; r++)
            {
                if (rowPositions[r] is { } rowPosition)
                {
                    _il.Advance(rowPosition, rowStrides[r]);
                }
            }

            _il.CountDown(rowCounter, rowLoop);
        }
    }

    // A share summed in a register over a row starts from 0 or from the adjoint in memory, and is stored after the row.
    private void StartSums(Share[] shares, StepSlots slots)
    {
        for (var r = 0; r < shares.Length; r++)
        {
            if (shares[r] is Share.SumFromZero or Share.SumFromMemory)
            {
                var sum = _sums[r] ??= _il.DeclareLanes();
                if (shares[r] == Share.SumFromZero)
                {
                    _il.Zero();
                }
                else
                {
                    _il.Adjoint(slots.Role(r));
                }

                _il.Store(sum);
            }
        }
    }

    private void EndSums(Share[] shares, StepSlots slots)
    {
        for (var r = 0; r < shares.Length; r++)
        {
            if (shares[r] is Share.SumFromZero or Share.SumFromMemory)
            {
                _il.AdjointAddress(slots.Role(r));
                _il.Load(_sums[r]!);
                _il.StoreIndirect();
            }
        }
    }

    private LocalBuilder Position(int index)
    {
        while (_positions.Count <= index)
        {
            _positions.Add(_il.DeclareOffset());
        }

        return _positions[index];
    }

    private LocalBuilder Counter(int index)
    {
        while (_counters.Count <= index)
        {
            _counters.Add(_il.DeclareCounter());
        }

        return _counters[index];
    }

    private void Step(TapeSteps.Step step, StepFlags flags, StepSlots at, int[] cleared, bool forward)
    {
        if (forward)
        {
            StepForward(step, flags, at);
        }
        else
        {
            StepBackward(step, flags, at, cleared);
        }
    }

    private void StepForward(TapeSteps.Step step, StepFlags flags, StepSlots at)
    {
        switch (step.Op)
        {
            case TapeOp.MulAdd:
                _il.Apply(Operator(nameof(Operators.Mul)), () => _il.Value(at.B), () => _il.Value(at.C));
                _il.Store(_product);
                _il.Apply(Operator(nameof(Operators.Add)), flags.CarriedIn ? () => _il.Load(_sum) : () => _il.Value(at.A), () => _il.Load(_product));
                _il.Store(_sum);
                _il.StoreValue(at.Out.Plus(-1), _product);
                _il.StoreValue(at.Out, _sum);
                break;
            case TapeOp.Custom:
                _il.ValueAddress(at.Out);
                _il.CustomForward(step.A);
                _il.StoreIndirect();
                break;
            case TapeOp.Add or TapeOp.Mul or TapeOp.Lt or TapeOp.Eq:
                _il.ValueAddress(at.Out);
                _il.Apply(Operator(step.Op.ToString()), () => _il.Value(at.A), () => _il.Value(at.B));
                _il.StoreIndirect();
                break;
            default:
                _il.ValueAddress(at.Out);
                _il.Apply(Operator(step.Op.ToString()), () => _il.Value(at.A));
                _il.StoreIndirect();
                break;
        }
    }

    private void StepBackward(TapeSteps.Step step, StepFlags flags, StepSlots at, int[] cleared)
    {
        switch (step.Op)
        {
            case TapeOp.MulAdd:
                if (!flags.CarriedIn)
                {
                    _il.Adjoint(at.Out);
                    _il.Store(_d);
                }

                AddShare(at.A, flags.A, 0, () => _il.Apply(Back<Add>(), () => _il.Load(_d)));
                AddShare(at.B, flags.B, 1, () => _il.Apply(Back<Mul>(), () => _il.Value(at.C), () => _il.Load(_d)));
                AddShare(at.C, flags.C, 2, () => _il.Apply(Back<Mul>(), () => _il.Value(at.B), () => _il.Load(_d)));
                break;
            case TapeOp.Add:
                LoadD(at);
                AddShare(at.A, flags.A, 0, () => _il.Apply(Back<Add>(), () => _il.Load(_d)));
                AddShare(at.B, flags.B, 1, () => _il.Apply(Back<Add>(), () => _il.Load(_d)));
                break;
            case TapeOp.Mul:
                LoadD(at);
                AddShare(at.A, flags.A, 0, () => _il.Apply(Back<Mul>(), () => _il.Value(at.B), () => _il.Load(_d)));
                AddShare(at.B, flags.B, 1, () => _il.Apply(Back<Mul>(), () => _il.Value(at.A), () => _il.Load(_d)));
                break;
            case TapeOp.Lt or TapeOp.Eq:
                LoadD(at);
                var comparison = step.Op == TapeOp.Lt ? Back<Lt>() : Back<Eq>();
                AddShare(at.A, flags.A, 0, () => _il.Apply(comparison, () => _il.Load(_d)));
                AddShare(at.B, flags.B, 1, () => _il.Apply(comparison, () => _il.Load(_d)));
                break;
            case TapeOp.Custom:
                foreach (var slot in cleared)
                {
                    _il.AdjointAddress(new SlotAt(slot));
                    _il.Zero();
                    _il.StoreIndirect();
                }

                _il.CustomBackward(step.A, step.Out);
                break;
            default:
                // The function's Back, given what its forward pass saves (the input, or the output for Exp, Sigmoid
                // and Tanh) and the adjoint of the output, as Tape.BackwardUnary calls it.
                var saved = step.Op is TapeOp.Exp or TapeOp.Sigmoid or TapeOp.Tanh ? at.Out : at.A;
                Action[] arguments = step.Op is TapeOp.Neg ? [() => _il.Adjoint(at.Out)] : [() => _il.Value(saved), () => _il.Adjoint(at.Out)];
                AddShare(at.A, flags.A, 0, () => _il.Apply(UnaryBack(step.Op), arguments));
                break;
        }
    }

    private void LoadD(StepSlots at)
    {
        _il.Adjoint(at.Out);
        _il.Store(_d);
    }

    // Adds the share that the action pushes to an operand's adjoint, as the flags say: not at all (a constant, or a
    // share handed on), stored as 0 + share, added to the adjoint in memory, or added to the row's sum in a register.
    private void AddShare(SlotAt slot, Share share, int role, Action push)
    {
        switch (share)
        {
            case Share.First:
                _il.AdjointAddress(slot);
                _il.Zero();
                push();
                _il.Add();
                _il.StoreIndirect();
                break;
            case Share.Add:
                _il.AdjointAddress(slot);
                _il.Duplicate();
                _il.LoadIndirect();
                push();
                _il.Add();
                _il.StoreIndirect();
                break;
            case Share.SumFromZero or Share.SumFromMemory:
                _il.Load(_sums[role]!);
                push();
                _il.Add();
                _il.Store(_sums[role]!);
                break;
        }
    }

    private static MethodInfo Operator(string name) => OperatorMethods[name];

    private static MethodInfo UnaryBack(TapeOp op) => op switch
    {
        TapeOp.Relu => Back<Relu>(),
        TapeOp.Neg => Back<Neg>(),
        TapeOp.Inv => Back<Inv>(),
        TapeOp.Log => Back<Log>(),
        TapeOp.Exp => Back<Exp>(),
        TapeOp.Tanh => Back<Tanh>(),
        _ => Back<Sigmoid>(),
    };

    private static MethodInfo Back<TFunction>()
        where TFunction : IScalarFunction => BackMethod<TFunction>.Info;

    /// <summary>Where a step's operands and result are: A, B, C and Out, each fixed or moving with a loop.</summary>
    private readonly record struct StepSlots(SlotAt A, SlotAt B, SlotAt C, SlotAt Out)
    {
        public SlotAt Role(int role) => role switch
        {
            0 => A,
            1 => B,
            _ => C,
        };
    }

    // Each function's Back, the one place its derivative is written, looked up once.
    private static class BackMethod<TFunction>
        where TFunction : IScalarFunction
    {
        public static readonly MethodInfo Info = typeof(TFunction).GetMethod("Back", BindingFlags.Public | BindingFlags.Static)
            ?? throw new InvalidOperationException($"{typeof(TFunction).Name} has no public static Back.");
    }
}
