using System.Reflection.Emit;
using MiniTorch.Functions;

namespace MiniTorch;

/// <summary>
/// Writes the steps of a tape as straight-line IL, one <see cref="DynamicMethod"/> per direction and chunk: what
/// <see cref="Tape.Forward()"/> and <see cref="Tape.Backward"/> do for those steps, with every slot a constant offset
/// instead of an index read from a step, and no switch.
/// </summary>
/// <remarks>
/// <para>
/// Each generated method takes the tape's value, adjoint, custom-step and scratch arrays
/// (<see cref="CompiledTapePass"/>). It holds a reference to the first value and the first adjoint and reads slot s at
/// that reference plus 8s bytes, as the interpreter's <c>At</c> does: no bounds checks, which the interpreter skips too,
/// and nothing that depends on one particular tape's arrays, so the same code replays every tape with the same steps.
/// </para>
/// <para>
/// Why the bits are the interpreter's: every step emits the operations the interpreter performs for it, in its order,
/// each rounded to a double as it is stored (IL's <c>add</c> and <c>mul</c> on doubles, which the C# of the interpreter
/// compiles to as well; .NET neither fuses a multiply and an add nor reorders floating-point arithmetic); the other
/// functions are calls of the same <see cref="Operators"/> methods. Four things are left out because they change no bit
/// anyone can read: adding shares to the adjoints of constants (never read); storing the adjoint of a sum that the next
/// step of the sweep takes from a register instead (the interpreter skips that read too); re-reading a running sum in
/// the forward direction (it is the value just stored); and clearing the adjoints before a sweep: each adjoint's first
/// share is stored as 0 + share, the cleared 0 plus it, and the inputs that receive none are set to 0.
/// </para>
/// </remarks>
internal static class TapeCodeGenerator
{
    private static readonly Type[] Parameters = [typeof(double[]), typeof(double[]), typeof(TapeCustomStep[]), typeof(double[])];

    /// <summary>Generates the forward replay of steps <paramref name="first"/> to <paramref name="end"/> − 1.</summary>
    /// <param name="steps">Every step of the tape.</param>
    /// <param name="first">The first step of the chunk.</param>
    /// <param name="end">One past the chunk's last step.</param>
    /// <returns>The compiled chunk.</returns>
    public static CompiledTapePass Forward(TapeSteps.Step[] steps, int first, int end)
    {
        var method = NewMethod("TapeForward", first);
        var il = new TapeCodeEmitter(method.GetILGenerator());
        var sum = il.DeclareDouble();
        var product = il.DeclareDouble();
        for (var k = first; k < end; k++)
        {
            var s = steps[k];
            switch (s.Op)
            {
                case TapeOp.MulAdd:
                    il.Value(s.B);
                    il.Value(s.C);
                    il.Emit(OpCodes.Mul);
                    il.Store(product);
                    if (IsChained(steps, k, first))
                    {
                        il.Load(sum);
                    }
                    else
                    {
                        il.Value(s.A);
                    }

                    il.Load(product);
                    il.Emit(OpCodes.Add);
                    il.Store(sum);
                    il.StoreValue(s.Out - 1, product);
                    il.StoreValue(s.Out, sum);
                    break;
                case TapeOp.Custom:
                    il.ValueAddress(s.Out);
                    il.CustomForward(s.A);
                    il.Emit(OpCodes.Stind_R8);
                    break;
                default:
                    il.ValueAddress(s.Out);
                    EmitForward(il, s);
                    il.Emit(OpCodes.Stind_R8);
                    break;
            }
        }

        il.Emit(OpCodes.Ret);
        return method.CreateDelegate<CompiledTapePass>();
    }

    /// <summary>Generates the backward sweep of steps <paramref name="end"/> − 1 down to <paramref name="first"/>.</summary>
    /// <param name="steps">Every step of the tape.</param>
    /// <param name="first">The first step of the chunk.</param>
    /// <param name="end">One past the chunk's last step.</param>
    /// <param name="shape">Where the tape's slots are.</param>
    /// <param name="written">
    /// Which adjoints the sweep has written before this chunk runs (the output's, and those of the chunks after this one);
    /// updated with this chunk's. The first chunk (<paramref name="first"/> 0, the last to run) ends by setting the
    /// adjoints of the inputs that nothing wrote to 0.
    /// </param>
    /// <returns>The compiled chunk.</returns>
    public static CompiledTapePass Backward(TapeSteps.Step[] steps, int first, int end, TapeShape shape, bool[] written)
    {
        var method = NewMethod("TapeBackward", first);
        var il = new TapeCodeEmitter(method.GetILGenerator()) { Shape = shape, Written = written };
        var d = il.DeclareDouble();
        var carried = false;
        for (var k = end - 1; k >= first; k--)
        {
            var s = steps[k];
            switch (s.Op)
            {
                case TapeOp.MulAdd:
                    if (!carried)
                    {
                        il.Adjoint(s.Out);
                        il.Store(d);
                    }

                    carried = IsChained(steps, k, first);
                    if (!carried)
                    {
                        il.AddToAdjoint(s.A, () => AddShare(il, d));
                    }

                    il.AddToAdjoint(s.B, () => MulShare(il, s.C, d));
                    il.AddToAdjoint(s.C, () => MulShare(il, s.B, d));
                    continue;
                case TapeOp.Add:
                    il.Adjoint(s.Out);
                    il.Store(d);
                    il.AddToAdjoint(s.A, () => AddShare(il, d));
                    il.AddToAdjoint(s.B, () => AddShare(il, d));
                    break;
                case TapeOp.Mul:
                    il.Adjoint(s.Out);
                    il.Store(d);
                    il.AddToAdjoint(s.A, () => MulShare(il, s.B, d));
                    il.AddToAdjoint(s.B, () => MulShare(il, s.A, d));
                    break;
                case TapeOp.Lt or TapeOp.Eq:
                    il.Adjoint(s.Out);
                    il.Store(d);
                    il.AddToAdjoint(s.A, () => ComparisonShare(il, s.Op, d));
                    il.AddToAdjoint(s.B, () => ComparisonShare(il, s.Op, d));
                    break;
                case TapeOp.Custom:
                    il.Clear(shape.CustomInputs[s.A]);
                    il.CustomBackward(s.A, s.Out);
                    break;
                default:
                    il.AddToAdjoint(s.A, () => EmitBackwardUnary(il, s));
                    break;
            }

            carried = false;
        }

        if (first == 0)
        {
            il.Clear(Enumerable.Range(0, shape.InputCount));
        }

        il.Emit(OpCodes.Ret);
        return method.CreateDelegate<CompiledTapePass>();
    }

    // A MulAdd whose running sum comes from the step just before it, in the same chunk (across chunks it goes through memory).
    private static bool IsChained(TapeSteps.Step[] steps, int k, int first) => steps[k].Chained && k > first;

    private static DynamicMethod NewMethod(string name, int first) =>
        new($"{name}{first}", typeof(void), Parameters, typeof(TapeCodeGenerator).Module, skipVisibility: true);

    // Leaves the step's value on the stack: the same Operators call as Tape.Forward makes.
    private static void EmitForward(TapeCodeEmitter il, TapeSteps.Step s)
    {
        il.Value(s.A);
        if (s.Op is TapeOp.Add or TapeOp.Mul or TapeOp.Lt or TapeOp.Eq)
        {
            il.Value(s.B);
        }

        il.CallOperator(s.Op switch
        {
            TapeOp.Add => nameof(Operators.Add),
            TapeOp.Mul => nameof(Operators.Mul),
            TapeOp.Neg => nameof(Operators.Neg),
            TapeOp.Inv => nameof(Operators.Inv),
            TapeOp.Log => nameof(Operators.Log),
            TapeOp.Exp => nameof(Operators.Exp),
            TapeOp.Sigmoid => nameof(Operators.Sigmoid),
            TapeOp.Relu => nameof(Operators.Relu),
            TapeOp.Tanh => nameof(Operators.Tanh),
            TapeOp.Lt => nameof(Operators.Lt),
            _ => nameof(Operators.Eq),
        });
    }

    // The shares of a sum's operands (Add.Back of d), of a product's (Mul.Back of the other factor and d), and of a
    // comparison's (Lt.Back or Eq.Back of d), each left on the stack.
    private static void AddShare(TapeCodeEmitter il, LocalBuilder d)
    {
        il.Load(d);
        il.CallBack<Add>();
    }

    private static void MulShare(TapeCodeEmitter il, int otherFactor, LocalBuilder d)
    {
        il.Value(otherFactor);
        il.Load(d);
        il.CallBack<Mul>();
    }

    private static void ComparisonShare(TapeCodeEmitter il, TapeOp op, LocalBuilder d)
    {
        il.Load(d);
        if (op == TapeOp.Lt)
        {
            il.CallBack<Lt>();
        }
        else
        {
            il.CallBack<Eq>();
        }
    }

    // Leaves the share of a unary step's operand on the stack: the function's Back given what its forward pass saves
    // (the input, or the output for Exp, Sigmoid and Tanh) and d, as Tape.BackwardUnary calls it.
    private static void EmitBackwardUnary(TapeCodeEmitter il, TapeSteps.Step s)
    {
        if (s.Op is TapeOp.Relu or TapeOp.Inv or TapeOp.Log)
        {
            il.Value(s.A);
        }
        else if (s.Op is TapeOp.Exp or TapeOp.Sigmoid or TapeOp.Tanh)
        {
            il.Value(s.Out);
        }

        il.Adjoint(s.Out);
        switch (s.Op)
        {
            case TapeOp.Relu:
                il.CallBack<Relu>();
                break;
            case TapeOp.Neg:
                il.CallBack<Neg>();
                break;
            case TapeOp.Inv:
                il.CallBack<Inv>();
                break;
            case TapeOp.Log:
                il.CallBack<Log>();
                break;
            case TapeOp.Exp:
                il.CallBack<Exp>();
                break;
            case TapeOp.Tanh:
                il.CallBack<Tanh>();
                break;
            default:
                il.CallBack<Sigmoid>();
                break;
        }
    }
}
