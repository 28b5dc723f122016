using System.Globalization;

namespace MiniTorch;

/// <summary>
/// A single real number that takes part in automatic differentiation: the value type of MiniTorch Module 1.
/// </summary>
/// <remarks>
/// <para>
/// There are three kinds of scalar. A <em>leaf</em> is made by the user (<c>new Scalar(2.0)</c>, or a
/// <see cref="double"/> converted implicitly): a variable whose derivative backpropagation fills in. A <em>computed</em>
/// scalar is the result of a function; its <see cref="History"/> remembers the function, the context it saved and its
/// inputs, which is all the backward pass needs. A <em>constant</em> (<see cref="Constant"/>) is a plain number inside
/// a computation: it has no history and never receives a derivative.
/// </para>
/// <para>
/// <see cref="object.Equals(object)"/> and <see cref="object.GetHashCode"/> keep reference identity, so scalars can be
/// stored in sets and dictionaries; the differentiable equality is <see cref="Eq(Scalar)"/>.
/// </para>
/// </remarks>
public sealed partial class Scalar : IVariable
{
    private static long s_lastId;

    private readonly string? _name;

    /// <summary>Creates a leaf scalar: a variable that receives a derivative when a result computed from it is backpropagated.</summary>
    /// <param name="data">The value. NaN and infinities are accepted and follow IEEE arithmetic.</param>
    /// <param name="name">A name for printing and drawing; by default the <see cref="UniqueId"/> as text.</param>
    public Scalar(double data, string? name = null)
        : this(data, ScalarHistory.Leaf, name)
    {
    }

    private Scalar(double data, ScalarHistory? history, string? name = null)
    {
        Data = data;
        History = history;
        _name = name;
        UniqueId = Interlocked.Increment(ref s_lastId);
    }

    /// <summary>The value this scalar holds.</summary>
    public double Data { get; }

    /// <summary>The name given at creation, or the <see cref="UniqueId"/> as text when none was given.</summary>
    public string Name => _name ?? UniqueId.ToString(CultureInfo.InvariantCulture);

    /// <summary>A process-wide unique number, increasing with creation order (the first scalar is 1), safe across threads.</summary>
    /// <remarks>A scalar's id is always larger than the ids of the scalars it was computed from.</remarks>
    public long UniqueId { get; }

    /// <summary>
    /// How this scalar was computed: the function, the context it saved and its inputs. A leaf's history has no
    /// function; a constant has none at all (<see langword="null"/>).
    /// </summary>
    public ScalarHistory? History { get; }

    /// <summary>
    /// For a leaf, the derivative of the backpropagated outputs with respect to it: ∂out/∂this, summed over every
    /// <c>Backward</c> call since the last <see cref="ClearDerivative"/>. <see langword="null"/> until a backward pass
    /// reaches it, and always for computed scalars and constants (only leaves keep derivatives).
    /// </summary>
    public double? Derivative { get; private set; }

    /// <summary>True for a scalar created by the user (not computed, not a constant): it keeps a derivative.</summary>
    public bool IsLeaf => History is { LastFunction: null };

    /// <summary>True for a constant: a plain number with no history, which backpropagation skips.</summary>
    public bool IsConstant => History is null;

    /// <summary>The scalars this one was computed from, in argument order; empty for leaves and constants.</summary>
    public IReadOnlyList<IVariable> Parents => History?.Inputs ?? [];

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
    public static Scalar Constant(double data) => new(data, history: null);

    /// <summary>
    /// Applies a differentiable function to scalars and records it (MiniTorch's <c>ScalarFunction.apply</c>): runs the
    /// forward pass on the input values with a fresh <see cref="Context"/>, and returns a scalar whose history holds the
    /// function, the context and the inputs.
    /// </summary>
    /// <typeparam name="TFunction">The function, a type implementing <see cref="IScalarFunction"/>.</typeparam>
    /// <param name="inputs">The inputs, as many as the function's arity. Plain numbers are best passed as <see cref="Constant"/>.</param>
    /// <returns>
    /// The result. When every input is a constant, nothing needs a derivative and the result is itself a constant.
    /// </returns>
    /// <exception cref="ArgumentException">The number of inputs differs from the function's arity.</exception>
    /// <exception cref="AnomalyException">Anomaly detection is on and the value is NaN or infinite.</exception>
    public static Scalar Apply<TFunction>(params ReadOnlySpan<Scalar> inputs)
        where TFunction : IScalarFunction
    {
        if (inputs.Length != TFunction.Arity)
        {
            throw new ArgumentException($"{TFunction.Name} takes {TFunction.Arity} input(s), but {inputs.Length} were given.", nameof(inputs));
        }

        Span<double> values = inputs.Length <= 8 ? stackalloc double[inputs.Length] : new double[inputs.Length];
        var needsGrad = false;
        for (var i = 0; i < inputs.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(inputs[i], nameof(inputs));
            values[i] = inputs[i].Data;
            needsGrad |= !inputs[i].IsConstant;
        }

        var context = new Context(noGrad: !needsGrad);
        var data = TFunction.Forward(context, values);
        if (Autodiff.IsDetectingAnomalies && !double.IsFinite(data))
        {
            throw new AnomalyException(Invariant($"{TFunction.Name} produced {data} from inputs {Describe(inputs)}."));
        }

        return needsGrad ? new Scalar(data, new ScalarHistory(FunctionHandle.Of<TFunction>(), context, inputs.ToArray())) : Constant(data);
    }
    // course: task 1.3
    /// <summary>
    /// The chain rule for one computed scalar (Task 1.3): given d = ∂out/∂this, returns each input with its share
    /// d · ∂this/∂input, computed by the backward pass of the function that produced this scalar.
    /// </summary>
    /// <param name="dOutput">d, the derivative of the final output with respect to this scalar.</param>
    /// <returns>One pair per input, in argument order, constants included.</returns>
    /// <remarks>
    /// Everything needed is in <see cref="History"/>: <c>History.LastFunction</c> is the function (a
    /// <see cref="FunctionHandle"/>), <c>History.Context</c> what its forward pass saved, and <c>History.Inputs</c> the
    /// inputs. <c>History.LastFunction.Backward(History.Context, dOutput, shares)</c> fills a span of one slot per input
    /// with the shares d · ∂f/∂xᵢ; pair <c>History.Inputs[i]</c> with <c>shares[i]</c>. A leaf has a history without a
    /// function and a constant has none: neither has anything to differentiate.
    /// </remarks>
    /// <exception cref="InvalidOperationException">This scalar is a leaf or a constant, so there is nothing to differentiate.</exception>
    /// <exception cref="AnomalyException">Anomaly detection is on and a derivative is NaN or infinite.</exception>
    public (IVariable Variable, double Derivative)[] ChainRule(double dOutput)
    {
        if (History is not { LastFunction: { } function, Context: { } context, Inputs: var inputs })
        {
            throw new InvalidOperationException($"ChainRule needs a computed scalar, but scalar {Name} is {(IsConstant ? "a constant" : "a leaf")}.");
        }

        Span<double> local = inputs.Count <= 8 ? stackalloc double[inputs.Count] : new double[inputs.Count];
        function.Backward(context, dOutput, local);
        var pairs = new (IVariable, double)[local.Length];
        for (var i = 0; i < pairs.Length; i++)
        {
            if (Autodiff.IsDetectingAnomalies && !double.IsFinite(local[i]))
            {
                throw new AnomalyException(Invariant(
                    $"{function.Name} backward produced a non-finite derivative [{string.Join(", ", local.ToArray().Select(d => d.ToString(CultureInfo.InvariantCulture)))}] for inputs {Describe([.. inputs])} with d = {dOutput}."));
            }

            pairs[i] = (inputs[i], local[i]);
        }

        return pairs;
    }
    // course: end

    /// <summary>Adds <paramref name="x"/> to this leaf's derivative (starting from 0 when it has none).</summary>
    /// <param name="x">A contribution to ∂out/∂this.</param>
    /// <exception cref="InvalidOperationException">This scalar is not a leaf: only leaves keep derivatives.</exception>
    public void AccumulateDerivative(double x)
    {
        if (!IsLeaf)
        {
            throw new InvalidOperationException(
                $"Only leaf variables can have derivatives, but scalar {Name} is {(IsConstant ? "a constant" : "computed")}.");
        }

        Derivative = (Derivative ?? 0.0) + x;
    }

    /// <summary>Backpropagates from this scalar: every leaf it depends on receives ∂this/∂leaf · <paramref name="dOutput"/>.</summary>
    /// <param name="dOutput">The derivative to start from, 1 by default.</param>
    /// <remarks>
    /// Runs <see cref="Autodiff.Backpropagate"/>. Derivatives add up over repeated calls; call
    /// <see cref="ClearDerivative"/> on the leaves to start again. Graphs that share leaves must not be backpropagated
    /// on two threads at once.
    /// </remarks>
    public void Backward(double dOutput = 1.0) => Autodiff.Backpropagate(this, dOutput);

    /// <summary>Forgets the accumulated derivative, so that the next backward pass starts from nothing (derivative <see langword="null"/>).</summary>
    public void ClearDerivative() => Derivative = null;

    /// <summary>Shows the value with six decimals, as MiniTorch does: <c>Scalar(10.000000)</c>.</summary>
    /// <returns>The text <c>Scalar(</c>value<c>)</c>, invariant culture.</returns>
    public override string ToString() => Invariant($"Scalar({Data:F6})");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    // The inputs as anomaly messages show them, "(x = 2, #7 = -1)", naming each as minitorch graph does: a leaf by
    // the name it was given, a constant as "constant", and any other scalar as #id, so that an id never reads as a value.
    private static string Describe(ReadOnlySpan<Scalar> inputs)
    {
        var parts = new string[inputs.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            var input = inputs[i];
            var title = input.IsConstant ? "constant" : input._name ?? "#" + input.UniqueId.ToString(CultureInfo.InvariantCulture);
            parts[i] = Invariant($"{title} = {input.Data:R}");
        }

        return "(" + string.Join(", ", parts) + ")";
    }
}
