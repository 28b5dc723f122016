using System.Globalization;
using System.Runtime.CompilerServices;

namespace MiniTorch;

/// <summary>
/// A single real number that takes part in automatic differentiation: the value type of MiniTorch Module 1.
/// </summary>
/// <remarks>
/// <para>
/// There are three kinds of scalar. A <em>leaf</em> is made by the user (<c>new Scalar(2.0)</c>, or a
/// <see cref="double"/> converted implicitly): a variable whose derivative backpropagation fills in. A <em>computed</em>
/// scalar is the result of a function; it remembers the function, its inputs and the values the function saved, which
/// is all the backward pass needs. A <em>constant</em> (<see cref="Constant"/>) is a plain number inside a computation.
/// </para>
/// <para>
/// Everything a computed scalar remembers is stored in the scalar itself, so one operation costs one object.
/// <see cref="object.Equals(object)"/> and <see cref="object.GetHashCode"/> keep reference identity, so scalars can be
/// stored in sets and dictionaries; the differentiable equality is <see cref="Eq(Scalar)"/>.
/// </para>
/// </remarks>
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

    /// <summary>Creates a leaf scalar: a variable that receives a derivative when a result computed from it is backpropagated.</summary>
    /// <param name="data">The value. NaN and infinities are accepted and follow IEEE arithmetic.</param>
    /// <param name="name">A name for printing and drawing; by default the <see cref="UniqueId"/> as text.</param>
    public Scalar(double data, string? name = null)
        : this(data)
    {
        _rare = new LeafState(name);
    }

    private Scalar(double data)
    {
        Data = data;
        UniqueId = Interlocked.Increment(ref s_lastId);
    }

    // constantInputs: bit i set when input i is a constant.
    private Scalar(ScalarFunction function, Scalar input, byte constantInputs)
        : this(0.0)
    {
        _function = function.Number;
        _inputs[0] = input;
        _inputCount = 1;
        _constantInputs = constantInputs;
    }

    private Scalar(ScalarFunction function, Scalar first, Scalar second, byte constantInputs)
        : this(0.0)
    {
        _function = function.Number;
        _inputs[0] = first;
        _inputs[1] = second;
        _inputCount = 2;
        _constantInputs = constantInputs;
    }

    private Scalar(ScalarFunction function, ReadOnlySpan<Scalar> inputs)
        : this(0.0)
    {
        _function = function.Number;
        _rare = new Overflow { Inputs = inputs.ToArray() };
    }

    /// <summary>The value this scalar holds.</summary>
    public double Data { get; private set; }

    /// <summary>A process-wide unique number, increasing with creation order (the first scalar is 1), safe across threads.</summary>
    /// <remarks>A scalar's id is always larger than the ids of the scalars it was computed from.</remarks>
    public long UniqueId { get; }

    /// <summary>The name given at creation, or the <see cref="UniqueId"/> as text when none was given.</summary>
    public string Name => Leaf?.Name ?? UniqueId.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// For a leaf, the derivative of the backpropagated outputs with respect to it: ∂out/∂this, summed over every
    /// <c>Backward</c> call since the last <see cref="ClearDerivative"/>. <see langword="null"/> until a backward pass
    /// reaches it, and always for computed scalars and constants (only leaves keep derivatives).
    /// </summary>
    public double? Derivative => Leaf is { HasDerivative: true } leaf ? leaf.Derivative : null;

    /// <summary>
    /// How this scalar was computed: the function, its saved context and its inputs. A leaf's history has no
    /// function; a constant has none at all (<see langword="null"/>).
    /// </summary>
    public ScalarHistory? History =>
        IsConstant ? null : new ScalarHistory(Function, IsLeaf ? new Context(noGrad: true) : new Context(this), [.. Inputs]);

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

    private ScalarFunction? Function => ScalarFunction.WithNumber(_function);

    /// <summary>Wraps a plain number as a leaf scalar, so that <c>new Parameter(5)</c> and <c>Scalar x = 2.0;</c> work.</summary>
    /// <param name="data">The value.</param>
    public static implicit operator Scalar(double data) => new(data, name: null);

    /// <summary>Creates a leaf scalar from a plain number; the named alternative to the implicit conversion.</summary>
    /// <param name="data">The value.</param>
    /// <returns>A new leaf scalar holding <paramref name="data"/>.</returns>
    public static Scalar FromDouble(double data) => new(data, name: null);

    /// <summary>
    /// Creates a constant: a plain number inside a computation that never receives a derivative. Operators create
    /// these when a <see cref="double"/> meets a scalar, as in <c>x * 2.0</c>.
    /// </summary>
    /// <param name="data">The value.</param>
    /// <returns>A scalar with no history.</returns>
    public static Scalar Constant(double data) => new(data);

    /// <summary>Forgets the accumulated derivative, so that the next backward pass starts from nothing (derivative <see langword="null"/>).</summary>
    public void ClearDerivative()
    {
        if (Leaf is { } leaf)
        {
            leaf.Derivative = 0.0;
            leaf.HasDerivative = false;
        }
    }

    /// <summary>Shows the value with six decimals, as MiniTorch does: <c>Scalar(10.000000)</c>.</summary>
    /// <returns>The text <c>Scalar(</c>value<c>)</c>, invariant culture.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Scalar({Data:F6})");

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
