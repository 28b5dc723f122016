namespace MiniTorch;

public sealed partial class Tape
{
    /// <summary>Sets the inputs and replays the computation forward; see <see cref="Forward()"/>.</summary>
    /// <param name="inputs">One value per input, in recording order.</param>
    /// <returns>The output's value at <paramref name="inputs"/>.</returns>
    /// <exception cref="ArgumentException">The number of values differs from <see cref="InputCount"/>.</exception>
    public double Forward(ReadOnlySpan<double> inputs)
    {
        if (inputs.Length != _inputCount)
        {
            throw new ArgumentException(
                $"The tape has {_inputCount} input(s), but {inputs.Length} value(s) were given.", nameof(inputs));
        }

        inputs.CopyTo(_values);
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
        var values = _values.AsSpan();
        var ops = _ops;
        var left = _left;
        var right = _right;
        for (var k = 0; k < ops.Length; k++)
        {
            var a = left[k];
            values[_firstComputed + k] = ops[k] switch
            {
                TapeOp.Add => Operators.Add(values[a], values[right[k]]),
                TapeOp.Mul => Operators.Mul(values[a], values[right[k]]),
                TapeOp.Neg => Operators.Neg(values[a]),
                TapeOp.Inv => Operators.Inv(values[a]),
                TapeOp.Log => Operators.Log(values[a]),
                TapeOp.Exp => Operators.Exp(values[a]),
                TapeOp.Sigmoid => Operators.Sigmoid(values[a]),
                TapeOp.Relu => Operators.Relu(values[a]),
                TapeOp.Lt => Operators.Lt(values[a], values[right[k]]),
                TapeOp.Eq => Operators.Eq(values[a], values[right[k]]),
                _ => _customs[a].Forward(values, _scratch),
            };
        }

        return values[_outputSlot];
    }

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
        var values = _values.AsSpan();
        var adjoints = _adjoints.AsSpan();
        var ops = _ops;
        var left = _left;
        var right = _right;
        adjoints.Clear();
        adjoints[_outputSlot] += dOutput;
        for (var k = ops.Length - 1; k >= 0; k--)
        {
            var self = _firstComputed + k;
            var d = adjoints[self];
            var a = left[k];
            switch (ops[k])
            {
                case TapeOp.Add:
                    adjoints[a] += d;
                    adjoints[right[k]] += d;
                    break;
                case TapeOp.Mul:
                    var b = right[k];
                    adjoints[a] += Operators.Mul(values[b], d);
                    adjoints[b] += Operators.Mul(values[a], d);
                    break;
                case TapeOp.Neg:
                    adjoints[a] += Operators.Neg(d);
                    break;
                case TapeOp.Inv:
                    adjoints[a] += Operators.InvBack(values[a], d);
                    break;
                case TapeOp.Log:
                    adjoints[a] += Operators.LogBack(values[a], d);
                    break;
                case TapeOp.Exp:
                    adjoints[a] += Operators.Mul(d, values[self]);
                    break;
                case TapeOp.Sigmoid:
                    var s = values[self];
                    adjoints[a] += Operators.Mul(Operators.Mul(s, 1.0 - s), d);
                    break;
                case TapeOp.Relu:
                    adjoints[a] += Operators.ReluBack(values[a], d);
                    break;
                case TapeOp.Lt or TapeOp.Eq:
                    adjoints[a] += 0.0;
                    adjoints[right[k]] += 0.0;
                    break;
                default:
                    _customs[a].Backward(d, adjoints, _scratch);
                    break;
            }
        }
    }
}
