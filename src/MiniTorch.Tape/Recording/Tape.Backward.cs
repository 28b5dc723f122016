using System.Runtime.InteropServices;
using MiniTorch.Functions;

namespace MiniTorch;

public sealed partial class Tape
{
    /// <summary>
    /// Replays the computation backward from the latest <see cref="Forward()"/> (or the recording): fills
    /// <see cref="Gradients"/> with ∂output/∂inputᵢ · <paramref name="dOutput"/>, replacing what a previous call left.
    /// </summary>
    /// <param name="dOutput">The derivative to start from, 1 by default.</param>
    /// <remarks>
    /// A sweep over the steps, newest first: each step reads its adjoint (complete by then, because every step that
    /// uses it is newer) and adds its operands' shares to their adjoints, first operand first. So each adjoint is
    /// 0 + c₁ + c₂ + … summed in exactly the graph engine's order, and the gradients match <see cref="Scalar.Backward"/>
    /// bit for bit. Allocates nothing unless the tape holds user-defined functions.
    /// </remarks>
    public void Backward(double dOutput = 1.0)
    {
        ref var v = ref MemoryMarshal.GetArrayDataReference(_values);
        ref var adj = ref MemoryMarshal.GetArrayDataReference(_adjoints);
        StartBackward(dOutput);
        for (var r = _steps.RunCount - 1; r >= 0; r--)
        {
            var run = _steps.Run(r);
            switch (run[0].Op)
            {
                case TapeOp.MulAdd:
                    var carried = false;
                    var d = 0.0;
                    for (var k = run.Length - 1; k >= 0; k--)
                    {
                        ref readonly var s = ref run[k];
                        d = carried ? d : At(ref adj, s.Out);
                        At(ref adj, s.A) += Add.Back(d);
                        At(ref adj, s.B) += Mul.Back(At(ref v, s.C), d);
                        At(ref adj, s.C) += Mul.Back(At(ref v, s.B), d);
                        carried = s.Chained;
                    }

                    break;
                case TapeOp.Add:
                    for (var k = run.Length - 1; k >= 0; k--)
                    {
                        ref readonly var s = ref run[k];
                        var dSum = At(ref adj, s.Out);
                        At(ref adj, s.A) += Add.Back(dSum);
                        At(ref adj, s.B) += Add.Back(dSum);
                    }

                    break;
                case TapeOp.Mul:
                    for (var k = run.Length - 1; k >= 0; k--)
                    {
                        ref readonly var s = ref run[k];
                        var dProduct = At(ref adj, s.Out);
                        At(ref adj, s.A) += Mul.Back(At(ref v, s.B), dProduct);
                        At(ref adj, s.B) += Mul.Back(At(ref v, s.A), dProduct);
                    }

                    break;
                case TapeOp.Relu:
                    for (var k = run.Length - 1; k >= 0; k--)
                    {
                        ref readonly var s = ref run[k];
                        At(ref adj, s.A) += Relu.Back(At(ref v, s.A), At(ref adj, s.Out));
                    }

                    break;
                case TapeOp.Lt or TapeOp.Eq:
                    for (var k = run.Length - 1; k >= 0; k--)
                    {
                        ref readonly var s = ref run[k];
                        var share = s.Op == TapeOp.Lt ? Lt.Back(At(ref adj, s.Out)) : Eq.Back(At(ref adj, s.Out));
                        At(ref adj, s.A) += share;
                        At(ref adj, s.B) += share;
                    }

                    break;
                case TapeOp.Custom:
                    for (var k = run.Length - 1; k >= 0; k--)
                    {
                        _customs[run[k].A].Backward(At(ref adj, run[k].Out), _adjoints, _scratch);
                    }

                    break;
                default:
                    for (var k = run.Length - 1; k >= 0; k--)
                    {
                        ref readonly var s = ref run[k];
                        At(ref adj, s.A) += BackwardUnary(s.Op, At(ref v, s.A), At(ref v, s.Out), At(ref adj, s.Out));
                    }

                    break;
            }
        }
    }

    /// <summary>Sets every adjoint to 0, then adds <paramref name="dOutput"/> to the output's: where every sweep starts.</summary>
    /// <param name="dOutput">The derivative to start from.</param>
    internal void StartBackward(double dOutput)
    {
        Array.Clear(_adjoints);
        _adjoints[_outputSlot] += dOutput;
    }

    /// <summary>
    /// The share of the operand of a unary step: the function's own <c>Back</c>, given what its forward pass saves (the
    /// input, or the output).
    /// </summary>
    private static double BackwardUnary(TapeOp op, double input, double output, double d) => op switch
    {
        TapeOp.Neg => Neg.Back(d),
        TapeOp.Inv => Inv.Back(input, d),
        TapeOp.Log => Log.Back(input, d),
        TapeOp.Exp => Exp.Back(output, d),
        TapeOp.Tanh => Tanh.Back(output, d),
        _ => Sigmoid.Back(output, d),
    };
}
