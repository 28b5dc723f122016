using System.Globalization;

namespace MiniTorch;

/// <summary>
/// A single real number that takes part in automatic differentiation: the value type of MiniTorch Module 1.
/// </summary>
/// <remarks>
/// A scalar created with <see langword="new"/> (or converted from a <see cref="double"/>) is a <em>leaf</em>: a variable
/// whose derivative backpropagation fills in. Arithmetic on scalars records how each result was computed so that
/// <c>Backward</c> can apply the chain rule. <see cref="object.Equals(object)"/> and <see cref="object.GetHashCode"/>
/// keep reference identity, so scalars can be stored in sets and dictionaries.
/// </remarks>
public sealed partial class Scalar : IVariable
{
    private static long s_lastId;

    private readonly string? _name;
    private double _derivative;
    private bool _hasDerivative;

    /// <summary>Creates a leaf scalar: a variable that receives a derivative when a result computed from it is backpropagated.</summary>
    /// <param name="data">The value. NaN and infinities are accepted and follow IEEE arithmetic.</param>
    /// <param name="name">A name for printing and drawing; by default the <see cref="UniqueId"/> as text.</param>
    public Scalar(double data, string? name = null)
        : this(data, name, ScalarHistory.Leaf)
    {
    }

    private Scalar(double data, string? name, ScalarHistory? history)
    {
        Data = data;
        UniqueId = NextId();
        _name = name;
        History = history;
    }

    /// <summary>The value this scalar holds.</summary>
    public double Data { get; }

    /// <summary>A process-wide unique number, increasing with creation order (first scalar is 1), safe across threads.</summary>
    /// <remarks>A scalar's id is always larger than the ids of the scalars it was computed from.</remarks>
    public long UniqueId { get; }

    /// <summary>The name given at creation, or the <see cref="UniqueId"/> as text when none was given.</summary>
    public string Name => _name ?? UniqueId.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The derivative of the last backpropagated output with respect to this scalar: ∂out/∂this, summed over every
    /// <c>Backward</c> call since the last <see cref="ClearDerivative"/>. <see langword="null"/> until a backward pass reaches it.
    /// </summary>
    public double? Derivative => _hasDerivative ? _derivative : null;

    /// <summary>
    /// How this scalar was computed: the function, its saved context and its inputs. A leaf's history has no
    /// function; a constant has none at all (<see langword="null"/>).
    /// </summary>
    public ScalarHistory? History { get; }

    /// <summary>Wraps a plain number as a leaf scalar, so that <c>new Parameter(5)</c> and <c>Scalar x = 2.0;</c> work.</summary>
    /// <param name="data">The value.</param>
    public static implicit operator Scalar(double data) => new(data);

    /// <summary>Creates a leaf scalar from a plain number; the named alternative to the implicit conversion.</summary>
    /// <param name="data">The value.</param>
    /// <returns>A new leaf scalar holding <paramref name="data"/>.</returns>
    public static Scalar FromDouble(double data) => new(data);

    /// <summary>
    /// Creates a constant: a plain number inside a computation that never receives a derivative. Operators create
    /// these when a <see cref="double"/> meets a scalar, as in <c>x * 2.0</c>.
    /// </summary>
    /// <param name="data">The value.</param>
    /// <returns>A scalar with no history.</returns>
    public static Scalar Constant(double data) => new(data, null, null);

    /// <summary>Forgets the accumulated derivative, so that the next backward pass starts from nothing (derivative <see langword="null"/>).</summary>
    public void ClearDerivative()
    {
        _derivative = 0.0;
        _hasDerivative = false;
    }

    /// <summary>Shows the value with six decimals, as MiniTorch does: <c>Scalar(10.000000)</c>.</summary>
    /// <returns>The text <c>Scalar(</c>value<c>)</c>, invariant culture.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Scalar({Data:F6})");

    private static long NextId() => Interlocked.Increment(ref s_lastId);
}
