using System.Runtime.CompilerServices;

namespace MiniTorch;

/// <summary>
/// How a scalar is stored, packed so that one operation costs one 80-byte object: what speeds up building a graph and
/// walking it. The readable view of the same facts is <see cref="History"/> (function, context, inputs), and the
/// readable backward pass is <see cref="Autodiff.Backpropagate"/>.
/// </summary>
public sealed partial class Scalar
{
    private static long s_lastId;

    private readonly ushort _function;
    private readonly InputPair _inputs;
    private readonly byte _inputCount;
    private readonly byte _constantInputs;
    private DoublePair _saved;
    private byte _savedCount;

    // What few scalars need, kept out of line: a leaf's LeafState, or the Overflow of a function with many inputs or
    // saved values. One field serves both because a leaf has no function.
    private Rare? _rare;

    private Scalar(double data)
    {
        Data = data;
        UniqueId = Interlocked.Increment(ref s_lastId);
    }

    // constantInputs: bit i set when input i is a constant.
    private Scalar(FunctionHandle function, Scalar input, byte constantInputs)
        : this(0.0)
    {
        _function = function.Number;
        _inputs[0] = input;
        _inputCount = 1;
        _constantInputs = constantInputs;
    }

    private Scalar(FunctionHandle function, Scalar first, Scalar second, byte constantInputs)
        : this(0.0)
    {
        _function = function.Number;
        _inputs[0] = first;
        _inputs[1] = second;
        _inputCount = 2;
        _constantInputs = constantInputs;
    }

    private Scalar(FunctionHandle function, ReadOnlySpan<Scalar> inputs)
        : this(0.0)
    {
        _function = function.Number;
        _rare = new Overflow { Inputs = inputs.ToArray() };
    }

    /// <summary>The inputs in argument order, read from the fields; empty for leaves and constants.</summary>
    internal ReadOnlySpan<Scalar> Inputs =>
        _rare is Overflow { Inputs: { } many } ? many : ((ReadOnlySpan<Scalar>)_inputs)[.._inputCount];

    /// <summary>
    /// Whether input <paramref name="i"/> is a constant, answered without reading the input itself (a backward walk
    /// over a long graph saves a trip to memory per constant).
    /// </summary>
    /// <param name="i">The argument position.</param>
    /// <returns>True for a constant input.</returns>
    internal bool IsConstantInput(int i) =>
        _rare is Overflow { Inputs: { } many } ? many[i].IsConstant : (_constantInputs & (1 << i)) != 0;

    /// <summary>For a leaf: adds <paramref name="share"/> to what the running backward walk collected.</summary>
    /// <param name="share">A contribution to ∂out/∂this.</param>
    /// <returns>True the first time the walk reaches this leaf.</returns>
    internal bool CollectInWalk(double share)
    {
        var leaf = Leaf!;
        leaf.Collected += share;
        var first = !leaf.ReachedInWalk;
        leaf.ReachedInWalk = true;
        return first;
    }

    /// <summary>
    /// For a leaf, as a backward walk ends: adds what the walk collected to the derivative when
    /// <paramref name="finished"/> (as <see cref="AccumulateDerivative"/> does), and forgets it either way.
    /// </summary>
    /// <param name="finished">False for a walk stopped by an exception, which must leave the derivative as it was.</param>
    internal void EndWalk(bool finished)
    {
        var leaf = Leaf!;
        if (finished)
        {
            leaf.Derivative += leaf.Collected;
            leaf.HasDerivative = true;
        }

        leaf.Collected = 0.0;
        leaf.ReachedInWalk = false;
    }

    /// <summary>The values saved by the function that computed this scalar.</summary>
    internal ReadOnlySpan<double> SavedValues =>
        _rare is Overflow { Saved: { } many } ? many : ((ReadOnlySpan<double>)_saved)[.._savedCount];

    private LeafState? Leaf => _rare as LeafState;

    private FunctionHandle? Function => FunctionHandle.WithNumber(_function);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Save(ReadOnlySpan<double> values)
    {
        _savedCount = (byte)Math.Min(values.Length, 2);
        if (_rare is Overflow overflow)
        {
            overflow.Saved = null;
        }

        switch (values.Length)
        {
            case 0:
                break;
            case 1:
                _saved[0] = values[0];
                break;
            case 2:
                _saved[0] = values[0];
                _saved[1] = values[1];
                break;
            default:
                var rare = _rare as Overflow ?? new Overflow();
                rare.Saved = values.ToArray();
                _rare = rare;
                break;
        }
    }

    /// <summary>The out-of-line part of a scalar: <see cref="LeafState"/> or <see cref="Overflow"/>.</summary>
    private abstract class Rare;

    /// <summary>What only a leaf needs: its name, its derivative, and what the running backward walk collected for it.</summary>
    private sealed class LeafState(string? name) : Rare
    {
        public string? Name { get; } = name;

        public double Derivative { get; set; }

        public bool HasDerivative { get; set; }

        public double Collected { get; set; }

        public bool ReachedInWalk { get; set; }
    }

    /// <summary>Where the rare functions of more than two inputs, or saving more than two values, keep them.</summary>
    private sealed class Overflow : Rare
    {
        public Scalar[]? Inputs { get; init; }

        public double[]? Saved { get; set; }
    }

    [InlineArray(2)]
    private struct InputPair
    {
        private Scalar _element;
    }
}
