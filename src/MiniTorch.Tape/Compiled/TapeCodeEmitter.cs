using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.InteropServices;

namespace MiniTorch;

/// <summary>
/// The IL of one method that <see cref="TapeCodeGenerator"/> generates: references to the first value and the first
/// adjoint, taken once, and every slot read or written through them at a constant offset, as the interpreter's
/// <c>At</c> does (no bounds checks: every slot was checked when the tape was built).
/// </summary>
internal sealed class TapeCodeEmitter
{
    private static readonly MethodInfo DataReference = typeof(MemoryMarshal)
        .GetMethod(nameof(MemoryMarshal.GetArrayDataReference), 1, [Type.MakeGenericMethodParameter(0).MakeArrayType()])!
        .MakeGenericMethod(typeof(double));

    // The Operators methods the code calls, looked up once: every one takes and returns doubles only.
    private static readonly Dictionary<string, MethodInfo> OperatorMethods = typeof(Operators)
        .GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Where(m => m.ReturnType == typeof(double) && m.GetParameters().All(p => p.ParameterType == typeof(double)))
        .ToDictionary(m => m.Name);

    private readonly ILGenerator _il;
    private readonly LocalBuilder _values;
    private readonly LocalBuilder _adjoints;

    /// <summary>Starts a method: takes the references to the first value and the first adjoint from its arguments.</summary>
    /// <param name="il">The method's IL.</param>
    public TapeCodeEmitter(ILGenerator il)
    {
        _il = il;
        _values = il.DeclareLocal(typeof(double).MakeByRefType());
        _adjoints = il.DeclareLocal(typeof(double).MakeByRefType());
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Call, DataReference);
        il.Emit(OpCodes.Stloc, _values);
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Call, DataReference);
        il.Emit(OpCodes.Stloc, _adjoints);
    }

    /// <summary>Where the tape's slots are (for a backward sweep).</summary>
    public TapeShape? Shape { get; init; }

    /// <summary>Which adjoints hold a share already in this sweep (for a backward sweep).</summary>
    public bool[] Written { get; init; } = [];

    public LocalBuilder DeclareDouble() => _il.DeclareLocal(typeof(double));

    public void Emit(OpCode code) => _il.Emit(code);

    public void Emit(OpCode code, double value) => _il.Emit(code, value);

    public void Load(LocalBuilder local) => _il.Emit(OpCodes.Ldloc, local);

    public void Store(LocalBuilder local) => _il.Emit(OpCodes.Stloc, local);

    /// <summary>Pushes the value in <paramref name="slot"/>.</summary>
    public void Value(int slot)
    {
        ValueAddress(slot);
        _il.Emit(OpCodes.Ldind_R8);
    }

    /// <summary>Pushes the adjoint of <paramref name="slot"/>.</summary>
    public void Adjoint(int slot)
    {
        Address(_adjoints, slot);
        _il.Emit(OpCodes.Ldind_R8);
    }

    /// <summary>Pushes the address of the value in <paramref name="slot"/>.</summary>
    public void ValueAddress(int slot) => Address(_values, slot);

    /// <summary>Stores a local in the value of <paramref name="slot"/>.</summary>
    public void StoreValue(int slot, LocalBuilder local)
    {
        ValueAddress(slot);
        Load(local);
        _il.Emit(OpCodes.Stind_R8);
    }

    /// <summary>
    /// adjoint[slot] += the value <paramref name="share"/> pushes, where the interpreter's adjoint starts from a cleared
    /// 0: the first share is stored as 0 + share, which differs from share alone for a share of −0. Nothing for a
    /// constant, whose adjoint nobody reads.
    /// </summary>
    public void AddToAdjoint(int slot, Action share)
    {
        if (Shape!.IsConstant(slot))
        {
            return;
        }

        Address(_adjoints, slot);
        if (Written[slot])
        {
            _il.Emit(OpCodes.Dup);
            _il.Emit(OpCodes.Ldind_R8);
        }
        else
        {
            _il.Emit(OpCodes.Ldc_R8, 0.0);
            Written[slot] = true;
        }

        share();
        _il.Emit(OpCodes.Add);
        _il.Emit(OpCodes.Stind_R8);
    }

    /// <summary>Sets to 0 the adjoints among <paramref name="slots"/> that hold no share yet, as the interpreter's cleared ones.</summary>
    public void Clear(IEnumerable<int> slots)
    {
        foreach (var slot in slots)
        {
            if (!Written[slot])
            {
                Address(_adjoints, slot);
                _il.Emit(OpCodes.Ldc_R8, 0.0);
                _il.Emit(OpCodes.Stind_R8);
                Written[slot] = true;
            }
        }
    }

    public void CallOperator(string name) => _il.Emit(OpCodes.Call, OperatorMethods[name]);

    /// <summary>
    /// Calls <typeparamref name="TFunction"/>'s <c>Back</c>, the one place its derivative is written, on the operands
    /// pushed before (what its forward pass saves, then d), leaving the share on the stack. The JIT inlines it.
    /// </summary>
    public void CallBack<TFunction>()
        where TFunction : IScalarFunction => _il.Emit(OpCodes.Call, BackMethod<TFunction>.Info);

    /// <summary>Calls the forward pass of custom step <paramref name="index"/>, leaving its value on the stack.</summary>
    public void CustomForward(int index)
    {
        Custom(index);
        ArgumentSpan(OpCodes.Ldarg_0, readOnly: true);
        ArgumentSpan(OpCodes.Ldarg_3, readOnly: false);
        _il.Emit(OpCodes.Callvirt, typeof(TapeCustomStep).GetMethod(nameof(TapeCustomStep.Forward))!);
    }

    /// <summary>Calls the backward pass of custom step <paramref name="index"/> with the adjoint of its output.</summary>
    public void CustomBackward(int index, int output)
    {
        Custom(index);
        Adjoint(output);
        ArgumentSpan(OpCodes.Ldarg_1, readOnly: false);
        ArgumentSpan(OpCodes.Ldarg_3, readOnly: false);
        _il.Emit(OpCodes.Callvirt, typeof(TapeCustomStep).GetMethod(nameof(TapeCustomStep.Backward))!);
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

    private void Address(LocalBuilder first, int slot)
    {
        _il.Emit(OpCodes.Ldloc, first);
        var offset = slot * (long)sizeof(double);
        if (offset <= int.MaxValue)
        {
            _il.Emit(OpCodes.Ldc_I4, (int)offset);
        }
        else
        {
            _il.Emit(OpCodes.Ldc_I8, offset);
            _il.Emit(OpCodes.Conv_I);
        }

        _il.Emit(OpCodes.Add);
    }

    // Each function's Back, looked up once.
    private static class BackMethod<TFunction>
        where TFunction : IScalarFunction
    {
        public static readonly MethodInfo Info = typeof(TFunction).GetMethod("Back", BindingFlags.Public | BindingFlags.Static)
            ?? throw new InvalidOperationException($"{typeof(TFunction).Name} has no public static Back.");
    }
}
