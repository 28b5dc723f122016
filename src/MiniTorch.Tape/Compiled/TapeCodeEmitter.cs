using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.InteropServices;

namespace MiniTorch;

/// <summary>
/// The IL of one method that <see cref="TapeCodeGenerator"/> generates, for one point at a time (doubles) or for
/// several side by side (<see cref="LaneVector"/>): references to the first value and the first adjoint, taken once,
/// and every slot read or written through them at a constant offset, plus a loop's position where there is one, as
/// the interpreter's <c>At</c> does (no bounds checks: every slot was checked when the tape was built).
/// </summary>
/// <remarks>
/// With lanes, slot s of lane l is element s · lanes + l of the arrays, so one slot of all the points is one vector.
/// A rule (an <see cref="Operators"/> method or a function's <c>Back</c>) is applied through its
/// <see cref="LaneFormula"/>: on doubles as IL arithmetic when it has no comparison (so that nothing depends on the
/// JIT's inlining budget), otherwise as a call; on vectors as the formula's lane-wise operations, or, where the rule
/// cannot be read (it calls <see cref="Math.Exp"/>, say), as one call of the scalar rule per lane.
/// </remarks>
internal sealed class TapeCodeEmitter
{
    private static readonly MethodInfo DataReference = typeof(MemoryMarshal)
        .GetMethod(nameof(MemoryMarshal.GetArrayDataReference), 1, [Type.MakeGenericMethodParameter(0).MakeArrayType()])!
        .MakeGenericMethod(typeof(double));

    private readonly ILGenerator _il;
    private readonly LaneVector? _vector;
    private readonly LocalBuilder _values;
    private readonly LocalBuilder _adjoints;
    private readonly List<LocalBuilder> _laneArguments = [];

    /// <summary>Starts a method: takes the references to the first value and the first adjoint from its arguments.</summary>
    /// <param name="il">The method's IL.</param>
    /// <param name="vector">The vector type of the lanes, or <see langword="null"/> for one point at a time.</param>
    public TapeCodeEmitter(ILGenerator il, LaneVector? vector)
    {
        _il = il;
        _vector = vector;
        _values = il.DeclareLocal(typeof(double).MakeByRefType());
        _adjoints = il.DeclareLocal(typeof(double).MakeByRefType());
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Call, DataReference);
        il.Emit(OpCodes.Stloc, _values);
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Call, DataReference);
        il.Emit(OpCodes.Stloc, _adjoints);
    }

    /// <summary>How many points the code handles at once.</summary>
    public int Lanes => _vector?.Lanes ?? 1;

    /// <summary>How many bytes one slot of all the lanes takes.</summary>
    public int SlotBytes => sizeof(double) * Lanes;

    /// <summary>How many references to locals the method holds so far (the JIT stops optimising beyond some thousands).</summary>
    public int LocalReferences { get; private set; }

    /// <summary>A local that holds one slot of every lane: a double, or a vector.</summary>
    /// <returns>The local.</returns>
    public LocalBuilder DeclareLanes() => _il.DeclareLocal(_vector?.Type ?? typeof(double));

    /// <summary>A local that holds a loop's position, as a byte offset.</summary>
    /// <returns>The local.</returns>
    public LocalBuilder DeclareOffset() => _il.DeclareLocal(typeof(nint));

    /// <summary>A local that counts a loop's steps down.</summary>
    /// <returns>The local.</returns>
    public LocalBuilder DeclareCounter() => _il.DeclareLocal(typeof(int));

    public Label DefineLabel() => _il.DefineLabel();

    public void MarkLabel(Label label) => _il.MarkLabel(label);

    public void Load(LocalBuilder local)
    {
        LocalReferences++;
        _il.Emit(OpCodes.Ldloc, local);
    }

    public void Store(LocalBuilder local)
    {
        LocalReferences++;
        _il.Emit(OpCodes.Stloc, local);
    }

    /// <summary>Sets <paramref name="local"/> to <paramref name="value"/> (an offset or a counter).</summary>
    public void Set(LocalBuilder local, int value)
    {
        _il.Emit(OpCodes.Ldc_I4, value);
        if (local.LocalType == typeof(nint))
        {
            _il.Emit(OpCodes.Conv_I);
        }

        Store(local);
    }

    /// <summary>Copies one offset into another.</summary>
    public void Copy(LocalBuilder from, LocalBuilder to)
    {
        Load(from);
        Store(to);
    }

    /// <summary>Moves a position <paramref name="slots"/> slots on (back, when negative).</summary>
    public void Advance(LocalBuilder offset, int slots)
    {
        Load(offset);
        PushBytes(slots);
        _il.Emit(OpCodes.Add);
        Store(offset);
    }

    /// <summary>Counts <paramref name="counter"/> down by one and jumps to <paramref name="loop"/> while it is not 0.</summary>
    public void CountDown(LocalBuilder counter, Label loop)
    {
        Load(counter);
        _il.Emit(OpCodes.Ldc_I4_1);
        _il.Emit(OpCodes.Sub);
        _il.Emit(OpCodes.Dup);
        Store(counter);
        _il.Emit(OpCodes.Brtrue, loop);
    }

    /// <summary>Pushes the value of every lane of <paramref name="slot"/>.</summary>
    public void Value(SlotAt slot)
    {
        ValueAddress(slot);
        LoadIndirect();
    }

    /// <summary>Pushes the adjoint of every lane of <paramref name="slot"/>.</summary>
    public void Adjoint(SlotAt slot)
    {
        AdjointAddress(slot);
        LoadIndirect();
    }

    /// <summary>Pushes the address of the value of <paramref name="slot"/> in lane 0.</summary>
    public void ValueAddress(SlotAt slot) => Address(_values, slot);

    /// <summary>Pushes the address of the adjoint of <paramref name="slot"/> in lane 0.</summary>
    public void AdjointAddress(SlotAt slot) => Address(_adjoints, slot);

    /// <summary>Loads the lanes at the address on the stack.</summary>
    public void LoadIndirect()
    {
        if (_vector is null)
        {
            _il.Emit(OpCodes.Ldind_R8);
        }
        else
        {
            _il.Emit(OpCodes.Ldobj, _vector.Type);
        }
    }

    /// <summary>Stores the lanes on the stack at the address below them.</summary>
    public void StoreIndirect()
    {
        if (_vector is null)
        {
            _il.Emit(OpCodes.Stind_R8);
        }
        else
        {
            _il.Emit(OpCodes.Stobj, _vector.Type);
        }
    }

    /// <summary>Stores <paramref name="local"/> in the value of <paramref name="slot"/>.</summary>
    public void StoreValue(SlotAt slot, LocalBuilder local)
    {
        ValueAddress(slot);
        Load(local);
        StoreIndirect();
    }

    /// <summary>Duplicates the top of the stack (an address, say).</summary>
    public void Duplicate() => _il.Emit(OpCodes.Dup);

    /// <summary>Pushes 0 in every lane.</summary>
    public void Zero()
    {
        if (_vector is null)
        {
            _il.Emit(OpCodes.Ldc_R8, 0.0);
        }
        else
        {
            _il.Emit(OpCodes.Call, _vector.Zero);
        }
    }

    /// <summary>Adds the two lanes-wide values on the stack, lane by lane.</summary>
    public void Add()
    {
        if (_vector is null)
        {
            _il.Emit(OpCodes.Add);
        }
        else
        {
            _il.Emit(OpCodes.Call, _vector.Add);
        }
    }

    /// <summary>Applies <paramref name="rule"/> to the lanes-wide arguments the actions push, leaving its value on the stack.</summary>
    /// <param name="rule">A static method on doubles: an <see cref="Operators"/> method or a function's <c>Back</c>.</param>
    /// <param name="arguments">One action per argument, in order, each pushing that argument for every lane; may be called more than once.</param>
    public void Apply(MethodInfo rule, params Action[] arguments)
    {
        var formula = LaneFormula.Of(rule);
        if (_vector is null)
        {
            if (formula is not null && formula.IsArithmetic)
            {
                formula.EmitScalar(_il, i => arguments[i]());
                return;
            }

            foreach (var argument in arguments)
            {
                argument();
            }

            _il.Emit(OpCodes.Call, rule);
        }
        else if (formula is not null)
        {
            formula.Emit(_il, _vector, i => arguments[i]());
        }
        else
        {
            ApplyPerLane(rule, arguments);
        }
    }

    /// <summary>Calls the forward pass of custom step <paramref name="index"/>, leaving its value on the stack (one lane only).</summary>
    public void CustomForward(int index)
    {
        Custom(index);
        ArgumentSpan(OpCodes.Ldarg_0, readOnly: true);
        ArgumentSpan(OpCodes.Ldarg_3, readOnly: false);
        _il.Emit(OpCodes.Callvirt, typeof(TapeCustomStep).GetMethod(nameof(TapeCustomStep.Forward))!);
    }

    /// <summary>Calls the backward pass of custom step <paramref name="index"/> with the adjoint of its output (one lane only).</summary>
    public void CustomBackward(int index, int output)
    {
        Custom(index);
        Adjoint(new SlotAt(output));
        ArgumentSpan(OpCodes.Ldarg_1, readOnly: false);
        ArgumentSpan(OpCodes.Ldarg_3, readOnly: false);
        _il.Emit(OpCodes.Callvirt, typeof(TapeCustomStep).GetMethod(nameof(TapeCustomStep.Backward))!);
    }

    /// <summary>Ends the method.</summary>
    public void Return() => _il.Emit(OpCodes.Ret);

    // Each lane's arguments taken out of the vectors, the scalar rule called on them, the results put back together.
    private void ApplyPerLane(MethodInfo rule, Action[] arguments)
    {
        var vector = _vector!;
        for (var i = 0; i < arguments.Length; i++)
        {
            if (_laneArguments.Count == i)
            {
                _laneArguments.Add(DeclareLanes());
            }

            arguments[i]();
            Store(_laneArguments[i]);
        }

        for (var lane = 0; lane < vector.Lanes; lane++)
        {
            for (var i = 0; i < arguments.Length; i++)
            {
                Load(_laneArguments[i]);
                _il.Emit(OpCodes.Ldc_I4, lane);
                _il.Emit(OpCodes.Call, vector.GetElement);
            }

            _il.Emit(OpCodes.Call, rule);
        }

        _il.Emit(OpCodes.Call, vector.FromLanes);
    }

    private void Custom(int index)
    {
        _il.Emit(OpCodes.Ldarg_2);
        _il.Emit(OpCodes.Ldc_I4, index);
        _il.Emit(OpCodes.Ldelem_Ref);
    }

    // Pushes an array argument as a span, as C# converts it.
    private void ArgumentSpan(OpCode argument, bool readOnly)
    {
        _il.Emit(argument);
        var span = readOnly ? typeof(ReadOnlySpan<double>) : typeof(Span<double>);
        _il.Emit(OpCodes.Call, span.GetMethod("op_Implicit", [typeof(double[])])!);
    }

    private void Address(LocalBuilder first, SlotAt slot)
    {
        Load(first);
        if (slot.Position is { } position)
        {
            Load(position);
            _il.Emit(OpCodes.Add);
        }

        if (slot.Slot != 0)
        {
            PushBytes(slot.Slot);
            _il.Emit(OpCodes.Add);
        }
    }

    // Pushes the bytes of that many slots as a native integer.
    private void PushBytes(int slots)
    {
        var bytes = slots * (long)SlotBytes;
        if (bytes is >= int.MinValue and <= int.MaxValue)
        {
            _il.Emit(OpCodes.Ldc_I4, (int)bytes);
        }
        else
        {
            _il.Emit(OpCodes.Ldc_I8, bytes);
        }

        _il.Emit(OpCodes.Conv_I);
    }
}

/// <summary>A slot as generated code finds it: a constant slot, plus a loop's position when it moves with a loop.</summary>
/// <param name="Slot">The slot (at the loop's start).</param>
/// <param name="Position">The local holding how far, in bytes, the loop has moved the slot; <see langword="null"/> for a fixed slot.</param>
internal readonly record struct SlotAt(int Slot, LocalBuilder? Position = null)
{
    /// <summary>The slot <paramref name="slots"/> before or after this one, moving with the same loop.</summary>
    /// <param name="slots">How many slots on.</param>
    /// <returns>The slot.</returns>
    public SlotAt Plus(int slots) => this with { Slot = Slot + slots };
}
