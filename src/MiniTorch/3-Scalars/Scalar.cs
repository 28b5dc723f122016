using System.Globalization;

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
    /// <summary>Creates a leaf scalar: a variable that receives a derivative when a result computed from it is backpropagated.</summary>
    /// <param name="data">The value. NaN and infinities are accepted and follow IEEE arithmetic.</param>
    /// <param name="name">A name for printing and drawing; by default the <see cref="UniqueId"/> as text.</param>
    public Scalar(double data, string? name = null)
        : this(data)
    {
        _rare = new LeafState(name);
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

}
