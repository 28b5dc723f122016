using System.Globalization;

namespace MiniTorch;

public sealed partial class Tape
{
    /// <summary>
    /// Checks that replaying at the recorded inputs reproduces every recorded value bit for bit, and leaves the tape
    /// there (its <see cref="Inputs"/> are reset to the recorded ones).
    /// </summary>
    /// <remarks>
    /// The built-in functions always pass; the check catches a user-defined function whose forward pass is not a pure
    /// function of its inputs. It cannot see a branch on a value in user code: use
    /// <see cref="Verify(Func{Scalar[], Scalar}, ReadOnlySpan{double})"/> for that.
    /// </remarks>
    /// <exception cref="TapeMismatchException">A step gave another value than at recording; the message names it.</exception>
    public void Verify()
    {
        _recorded.AsSpan(0, _inputCount).CopyTo(_values);
        Forward();
        for (var slot = _firstComputed; slot < _values.Length; slot++)
        {
            if (!Identical(_values[slot], _recorded[slot]))
            {
                throw new TapeMismatchException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Replaying at the recorded inputs, {DescribeSlot(slot)} = {DescribeNode(slot)} gave {_values[slot]:R}, but {_recorded[slot]:R} was recorded."));
            }
        }
    }

    /// <summary>
    /// Checks the tape against the graph engine at <paramref name="inputs"/>: builds the graph of
    /// <paramref name="f"/> there with scalars, and compares its operations, constants, values and (after
    /// <see cref="Scalar.Backward"/>) input derivatives with a replay of this tape, bit for bit (any NaN matches any NaN).
    /// </summary>
    /// <param name="f">The computation the tape was recorded from, taking the inputs in recording order.</param>
    /// <param name="inputs">Where to compare, one value per input.</param>
    /// <remarks>
    /// The way to catch a branch on a value in <paramref name="f"/>: where it takes another path than at recording,
    /// the operations differ and the message names the first step that does. Slow (it builds a graph and another
    /// tape); meant for tests and debugging. Afterwards the tape holds the replay at <paramref name="inputs"/>.
    /// </remarks>
    /// <exception cref="ArgumentException">The number of values differs from <see cref="InputCount"/>, or <paramref name="f"/> used a leaf it was not given.</exception>
    /// <exception cref="TapeMismatchException">The computation or its results differ; the message names the first difference.</exception>
    public void Verify(Func<Scalar[], Scalar> f, ReadOnlySpan<double> inputs)
    {
        ArgumentNullException.ThrowIfNull(f);
        CheckInputCount(inputs);

        var leaves = NewLeaves(inputs);
        var output = Run(f, leaves);
        var graph = Record(output, leaves);
        var difference = FindStructuralDifference(graph);
        if (difference is not null)
        {
            throw new TapeMismatchException(
                $"At these inputs the function computes something other than the recording: {difference}. "
                + "This happens when the function branches on a value; record one tape per branch and choose between them outside the tape.");
        }

        Forward(inputs);
        for (var slot = _firstComputed; slot < _values.Length; slot++)
        {
            if (!Identical(_values[slot], graph._recorded[slot]))
            {
                throw new TapeMismatchException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{DescribeSlot(slot)} = {DescribeNode(slot)} replays to {_values[slot]:R}, but the graph engine computes {graph._recorded[slot]:R}."));
            }
        }

        output.Backward();
        Backward();
        for (var i = 0; i < _inputCount; i++)
        {
            var expected = leaves[i].Derivative ?? 0.0;
            if (!Identical(_adjoints[i], expected))
            {
                throw new TapeMismatchException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"The gradient of input {i} replays to {_adjoints[i]:R}, but the graph engine computes {expected:R}."));
            }
        }
    }

    // NaNs count as equal: .NET fixes neither the sign nor the payload of a NaN (the JIT may swap the operands of an addition).
    private static bool Identical(double x, double y) =>
        BitConverter.DoubleToInt64Bits(x) == BitConverter.DoubleToInt64Bits(y) || (double.IsNaN(x) && double.IsNaN(y));

    private string? FindStructuralDifference(Tape other)
    {
        if (other._values.Length != _values.Length || other._firstComputed != _firstComputed)
        {
            return string.Create(
                CultureInfo.InvariantCulture,
                $"{other.NodeCount} nodes and {other._firstComputed - _inputCount} constants, where the tape has {NodeCount} and {_firstComputed - _inputCount}");
        }

        for (var constant = _inputCount; constant < _firstComputed; constant++)
        {
            if (!Identical(other._values[constant], _values[constant]))
            {
                return string.Create(
                    CultureInfo.InvariantCulture,
                    $"constant slot {constant} is {other._values[constant]:R}, where the tape has {_values[constant]:R}");
            }
        }

        var slot = _steps.SameAs(other._steps, out var step) ? -1
            : step < _steps.All.Length ? _steps.All[step].Out
            : other._steps.All[step].Out;
        for (var k = 0; slot < 0 && k < _customs.Length; k++)
        {
            if (_customs[k].Function != other._customs[k].Function || !_customs[k].Inputs.AsSpan().SequenceEqual(other._customs[k].Inputs))
            {
                slot = _customs[k].Output;
            }
        }

        if (slot >= 0)
        {
            return $"{DescribeSlot(slot)} is {other.DescribeNode(slot)}, where the tape has {DescribeNode(slot)}";
        }

        return other._outputSlot != _outputSlot ? "the output is another node" : null;
    }
}
