using System.Globalization;

namespace MiniTorch;

/// <summary>
/// A recorded scalar computation that can be replayed, forward and backward, at new input values without building a
/// graph and without allocating: the fast engine for a computation whose shape does not change, such as the loss of one
/// training point.
/// </summary>
/// <remarks>
/// <para>
/// Run the computation once with <see cref="Scalar"/>s as usual, then flatten the graph it built with
/// <see cref="Record(Scalar, ReadOnlySpan{Scalar})"/>. The tape holds plain arrays: one value and one adjoint per
/// slot (inputs first, in the order given; then the constants; then the computed scalars in creation order, which is
/// a topological order), and one small struct per step: an operation code and the slots of its operands (a product
/// used only by the sum recorded right after it shares that sum's step). Replaying is a loop over the steps
/// (<see cref="Forward()"/>), then a loop over them in reverse that adds each operand's share to its adjoint
/// (<see cref="Backward"/>); consecutive steps of one operation are dispatched together. No objects per node.
/// <see cref="Compile()"/> turns these two loops into straight-line code with the same results (<see cref="CompiledTape"/>).
/// </para>
/// <para>
/// Results are bit for bit those of the graph engine (<see cref="Scalar.Backward"/>) for the same computation at the
/// same inputs: the eleven built-in functions are replayed with the same <see cref="Operators"/> calls, and the reverse
/// sweep adds the contributions to each adjoint in the graph engine's order (newest sender first, then argument
/// order, starting from 0). The one exception is which NaN: where the graph engine gives NaN the tape gives NaN too,
/// but .NET fixes neither the sign nor the payload of a NaN. User-defined <see cref="IScalarFunction"/> types are
/// replayed through their <see cref="FunctionHandle"/> handle with a fresh <see cref="Context"/> per replay (this path
/// allocates).
/// </para>
/// <para>
/// What a tape cannot see: the recording keeps the operations that ran, not the C# code that chose them. Comparisons
/// (<c>Lt</c>, <c>Eq</c>) and <c>Relu</c> are recomputed at every replay, but a branch on a value in user code
/// (<c>if (x.Data &gt; 0)</c>) is frozen at the branch taken while recording; choosing the right tape for each case
/// is the caller's responsibility. <see cref="Verify(Func{Scalar[], Scalar}, ReadOnlySpan{double})"/> detects such a
/// branch by rebuilding the graph at given inputs and comparing. Anomaly detection
/// (<see cref="Autodiff.DetectAnomalies"/>) does not apply to replays. A tape is not thread-safe: give each thread its own.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var x = new Scalar(0.0);
/// var w = new Scalar(0.5);
/// var tape = Tape.Record((x * w).Sigmoid().Log(), x, w);   // inputs: x, w
/// var y = tape.Forward([2.0, 0.75]);                        // log σ(2 · 0.75)
/// tape.Backward();                                          // tape.Gradients is [∂y/∂x, ∂y/∂w]
/// </code>
/// </example>
public sealed partial class Tape
{
    private readonly int _inputCount;
    private readonly int _firstComputed;
    private readonly int _outputSlot;
    private readonly TapeSteps _steps;
    private readonly double[] _values;
    private readonly double[] _adjoints;
    private readonly double[] _recorded;
    private readonly long[] _ids;
    private readonly TapeCustomStep[] _customs;
    private readonly double[] _scratch;

    private Tape(
        int inputCount, int firstComputed, int outputSlot, TapeSteps steps, double[] values, long[] ids,
        TapeCustomStep[] customs, int maxCustomArity)
    {
        _inputCount = inputCount;
        _firstComputed = firstComputed;
        _outputSlot = outputSlot;
        _steps = steps;
        _values = values;
        _adjoints = new double[values.Length];
        _recorded = (double[])values.Clone();
        _ids = ids;
        _customs = customs;
        _scratch = new double[maxCustomArity];
    }

    /// <summary>How many inputs the tape has: the length of <see cref="Inputs"/> and <see cref="Gradients"/>.</summary>
    public int InputCount => _inputCount;

    /// <summary>How many computed scalars (graph nodes) the tape replays: every one the output depends on.</summary>
    public int NodeCount => _values.Length - _firstComputed;

    /// <summary>How many values the tape holds: inputs, constants and computed scalars.</summary>
    public int SlotCount => _values.Length;

    /// <summary>
    /// The input values of the next <see cref="Forward()"/>, in the order the inputs were recorded; writable, so that
    /// only the inputs that change need to be set. Holds the recorded values until first written.
    /// </summary>
    public Span<double> Inputs => _values.AsSpan(0, _inputCount);

    /// <summary>The output's value as of the latest <see cref="Forward()"/> (the recorded value before any replay).</summary>
    public double Output => _values[_outputSlot];

    /// <summary>
    /// ∂output/∂inputᵢ · dOutput for each input, as of the latest <see cref="Backward"/>; all 0 before the first.
    /// An input the output does not depend on gets 0 (the graph engine leaves its derivative unset).
    /// </summary>
    public ReadOnlySpan<double> Gradients => _adjoints.AsSpan(0, _inputCount);

    /// <summary>
    /// Adds the gradients of inputs <paramref name="firstInput"/>, <paramref name="firstInput"/> + 1, … to
    /// <paramref name="sums"/>: sumsᵢ += gradient of input firstInput + i, as a leaf's derivative adds up over backward
    /// passes; for example a training step's parameter gradients summed over its points.
    /// </summary>
    /// <param name="sums">The running sums, one per input from <paramref name="firstInput"/> on.</param>
    /// <param name="firstInput">The input that goes to <c>sums[0]</c>.</param>
    /// <remarks>Each sum is one IEEE addition, as in the graph engine, so results stay bit-identical; vectorised.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">The inputs from <paramref name="firstInput"/> on are fewer than <paramref name="sums"/>.</exception>
    public void AddGradientsTo(Span<double> sums, int firstInput = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstInput);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sums.Length, _inputCount - firstInput, nameof(sums));
        VectorSum.AddTo(sums, _adjoints.AsSpan(firstInput, sums.Length));
    }

    /// <summary>
    /// The slot that holds <paramref name="scalar"/>, so that a replay's value of an intermediate result (for example
    /// the loss before it is divided by N) can be read with <see cref="ValueAt"/>.
    /// </summary>
    /// <param name="scalar">An input, or a scalar the output depends on, of the recorded computation.</param>
    /// <returns>The slot, from 0 to <see cref="SlotCount"/> − 1.</returns>
    /// <exception cref="ArgumentException">The scalar is not on the tape (constants are matched by identity, not value).</exception>
    public int SlotOf(Scalar scalar)
    {
        ArgumentNullException.ThrowIfNull(scalar);
        var computed = _ids.AsSpan(_firstComputed).BinarySearch(scalar.UniqueId);
        if (computed >= 0)
        {
            return _firstComputed + computed;
        }

        var other = _ids.AsSpan(0, _firstComputed).IndexOf(scalar.UniqueId);
        return other >= 0
            ? other
            : throw new ArgumentException(
                $"Scalar {scalar.Name} is not on the tape: it is neither an input nor a value the output depends on.",
                nameof(scalar));
    }

    /// <summary>The value in a slot as of the latest <see cref="Forward()"/>.</summary>
    /// <param name="slot">A slot from <see cref="SlotOf"/>.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slot"/> is not between 0 and <see cref="SlotCount"/> − 1.</exception>
    public double ValueAt(int slot)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(slot, _values.Length);
        return _values[slot];
    }

    private string DescribeNode(int slot)
    {
        var step = _steps.StepOf(slot);
        return step.Op switch
        {
            TapeOp.Custom => $"{_customs[step.A].Function.Name}({string.Join(", ", Array.ConvertAll(_customs[step.A].Inputs, DescribeSlot))})",
            TapeOp.MulAdd when slot != step.Out => $"Mul({DescribeSlot(step.B)}, {DescribeSlot(step.C)})",
            TapeOp.MulAdd => $"Add({DescribeSlot(step.A)}, {DescribeSlot(slot - 1)})",
            TapeOp.Add or TapeOp.Mul or TapeOp.Lt or TapeOp.Eq => $"{step.Op}({DescribeSlot(step.A)}, {DescribeSlot(step.B)})",
            _ => $"{step.Op}({DescribeSlot(step.A)})",
        };
    }

    private string DescribeSlot(int slot) =>
        slot < _inputCount ? string.Create(CultureInfo.InvariantCulture, $"input {slot}")
        : slot < _firstComputed ? string.Create(CultureInfo.InvariantCulture, $"constant {_values[slot]:R}")
        : string.Create(CultureInfo.InvariantCulture, $"node {slot - _firstComputed}");
}
