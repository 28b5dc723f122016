using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MiniTorch;

public sealed partial class Tape
{
    /// <summary>Sets the inputs and replays the computation forward; see <see cref="Forward()"/>.</summary>
    /// <param name="inputs">One value per input, in recording order.</param>
    /// <returns>The output's value at <paramref name="inputs"/>.</returns>
    /// <exception cref="ArgumentException">The number of values differs from <see cref="InputCount"/>.</exception>
    public double Forward(ReadOnlySpan<double> inputs)
    {
        SetInputs(inputs);
        return Forward();
    }

    /// <summary>
    /// Replays the computation forward at the current <see cref="Inputs"/>: every step is recomputed in recording
    /// order, comparisons and relu included, with the same <see cref="Operators"/> call as the function it stands for.
    /// </summary>
    /// <returns>The output's value, bit for bit what the scalars would compute at these inputs along the recorded path.</returns>
    /// <remarks>Allocates nothing unless the tape holds user-defined functions. NaN and infinities follow IEEE arithmetic.</remarks>
    public double Forward()
    {
        ref var v = ref MemoryMarshal.GetArrayDataReference(_values);
        for (var r = 0; r < _steps.RunCount; r++)
        {
            var run = _steps.Run(r);
            switch (run[0].Op)
            {
                case TapeOp.MulAdd:
                    var sum = 0.0;
                    foreach (ref readonly var s in run)
                    {
                        var product = Operators.Mul(At(ref v, s.B), At(ref v, s.C));
                        sum = Operators.Add(s.Chained ? sum : At(ref v, s.A), product);
                        At(ref v, s.Out - 1) = product;
                        At(ref v, s.Out) = sum;
                    }

                    break;
                case TapeOp.Add:
                    foreach (ref readonly var s in run)
                    {
                        At(ref v, s.Out) = Operators.Add(At(ref v, s.A), At(ref v, s.B));
                    }

                    break;
                case TapeOp.Mul:
                    foreach (ref readonly var s in run)
                    {
                        At(ref v, s.Out) = Operators.Mul(At(ref v, s.A), At(ref v, s.B));
                    }

                    break;
                case TapeOp.Relu:
                    foreach (ref readonly var s in run)
                    {
                        At(ref v, s.Out) = Operators.Relu(At(ref v, s.A));
                    }

                    break;
                case TapeOp.Custom:
                    foreach (ref readonly var s in run)
                    {
                        At(ref v, s.Out) = _customs[s.A].Forward(_values, _scratch);
                    }

                    break;
                default:
                    foreach (ref readonly var s in run)
                    {
                        At(ref v, s.Out) = ForwardOther(s.Op, At(ref v, s.A), At(ref v, s.B));
                    }

                    break;
            }
        }

        return _values[_outputSlot];
    }

    /// <summary>Copies <paramref name="inputs"/> into the input slots, after checking their number.</summary>
    /// <param name="inputs">One value per input.</param>
    internal void SetInputs(ReadOnlySpan<double> inputs)
    {
        CheckInputCount(inputs);
        inputs.CopyTo(_values);
    }

    // Throws the one message for a wrong number of input values, for Forward and Verify alike.
    private void CheckInputCount(ReadOnlySpan<double> inputs)
    {
        if (inputs.Length != _inputCount)
        {
            throw new ArgumentException(
                $"The tape has {_inputCount} input(s), but {inputs.Length} value(s) were given.", nameof(inputs));
        }
    }

    /// <summary>
    /// The slot <paramref name="slot"/> of the array that starts at <paramref name="first"/>, without a bounds check:
    /// every slot a step names was checked when the tape was built, and the arrays never change size.
    /// </summary>
    private static ref double At(ref double first, int slot) => ref Unsafe.Add(ref first, slot);

    private static double ForwardOther(TapeOp op, double a, double b) => op switch
    {
        TapeOp.Neg => Operators.Neg(a),
        TapeOp.Inv => Operators.Inv(a),
        TapeOp.Log => Operators.Log(a),
        TapeOp.Exp => Operators.Exp(a),
        TapeOp.Sigmoid => Operators.Sigmoid(a),
        TapeOp.Tanh => Operators.Tanh(a),
        TapeOp.Lt => Operators.Lt(a, b),
        _ => Operators.Eq(a, b),
    };
}
