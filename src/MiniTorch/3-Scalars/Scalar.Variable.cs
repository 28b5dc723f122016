using System.Globalization;

namespace MiniTorch;

public sealed partial class Scalar : IVariable
{
    /// <summary>True for a scalar created by the user (not computed, not a constant): it keeps a derivative.</summary>
    public bool IsLeaf => _rare is LeafState;

    /// <summary>True for a constant: a plain number with no history, which backpropagation skips.</summary>
    public bool IsConstant => _function == 0 && _rare is not LeafState;

    /// <summary>The scalars this one was computed from, in argument order; empty for leaves and constants.</summary>
    public IReadOnlyList<IVariable> Parents => Inputs.ToArray();

    /// <summary>Backpropagates from this scalar: every leaf it depends on receives ∂this/∂leaf · <paramref name="dOutput"/>.</summary>
    /// <param name="dOutput">The derivative to start from, 1 by default.</param>
    /// <remarks>
    /// Gives exactly the results of <see cref="Autodiff.Backpropagate"/>. Derivatives add up over repeated calls; call
    /// <see cref="ClearDerivative"/> on the leaves to start again. Graphs that share scalars must not be backpropagated
    /// on two threads at once.
    /// </remarks>
    // course: replace with public void Backward(double dOutput = 1.0) => Autodiff.Backpropagate(this, dOutput);
    // The library runs a faster walk made for scalars, with the same results bit for bit (ScalarBackpropagation);
    // the course runs the learner's Autodiff.Backpropagate, so that nothing hides a mistake in it.
    public void Backward(double dOutput = 1.0) => ScalarBackpropagation.Run(this, dOutput);
    // course: end

    /// <summary>Adds <paramref name="x"/> to this leaf's derivative (starting from 0 when it has none).</summary>
    /// <param name="x">A contribution to ∂out/∂this.</param>
    /// <exception cref="InvalidOperationException">This scalar is not a leaf: only leaves keep derivatives.</exception>
    public void AccumulateDerivative(double x)
    {
        if (Leaf is not { } leaf)
        {
            throw new InvalidOperationException(
                $"Only leaf variables can have derivatives, but scalar {Name} is {(IsConstant ? "a constant" : "computed")}.");
        }

        leaf.Derivative += x;
        leaf.HasDerivative = true;
    }

    // course: task 1.3
    /// <summary>
    /// The chain rule for one computed scalar (Task 1.3): calls the backward pass of the function that produced it and
    /// pairs each input with d · ∂this/∂input.
    /// </summary>
    /// <param name="dOutput">d, the derivative of the final output with respect to this scalar.</param>
    /// <returns>One pair per input, in argument order, constants included.</returns>
    /// <exception cref="InvalidOperationException">This scalar is a leaf or a constant, so there is nothing to differentiate.</exception>
    /// <exception cref="AnomalyException">Anomaly detection is on and a derivative is NaN or infinite.</exception>
    public ParentDerivatives ChainRule(double dOutput)
    {
        if (_function == 0)
        {
            throw new InvalidOperationException($"ChainRule needs a computed scalar, but scalar {Name} is a leaf or a constant.");
        }

        var inputs = Inputs;
        Span<double> local = stackalloc double[inputs.Length];
        LocalDerivatives(dOutput, local);
        return inputs.Length switch
        {
            1 => new ParentDerivatives((inputs[0], local[0]), default, 1),
            2 => new ParentDerivatives((inputs[0], local[0]), (inputs[1], local[1]), 2),
            _ => new ParentDerivatives(Pairs(inputs, local)),
        };
    }

    /// <summary>
    /// Writes d · ∂this/∂inputᵢ to <paramref name="local"/>[i] by calling the backward pass of the function that made
    /// this scalar; the allocation-free core of <see cref="ChainRule"/>.
    /// </summary>
    /// <param name="dOutput">d, the derivative of the final output with respect to this scalar.</param>
    /// <param name="local">One slot per input, zeroed.</param>
    /// <exception cref="AnomalyException">Anomaly detection is on and a derivative is NaN or infinite.</exception>
    internal void LocalDerivatives(double dOutput, Span<double> local)
    {
        var function = Function!;
        function.Backward(new Context(this), dOutput, local);
        if (Autodiff.IsDetectingAnomalies && !AllFinite(local))
        {
            throw NonFiniteDerivative(function.Name, local, dOutput);
        }
    }
    // course: end

    private AnomalyException NonFiniteDerivative(string function, ReadOnlySpan<double> local, double dOutput) =>
        new(string.Create(
            CultureInfo.InvariantCulture,
            $"{function} backward produced a non-finite derivative [{string.Join(", ", local.ToArray())}] for inputs {Describe(Inputs)} with d = {dOutput}."));

    private static (IVariable, double)[] Pairs(ReadOnlySpan<Scalar> inputs, ReadOnlySpan<double> local)
    {
        var pairs = new (IVariable, double)[inputs.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            pairs[i] = (inputs[i], local[i]);
        }

        return pairs;
    }

    private static bool AllFinite(ReadOnlySpan<double> values)
    {
        foreach (var v in values)
        {
            if (!double.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }

    // The inputs as anomaly messages show them, "(x = 2, #7 = -1)", naming each as minitorch graph does: a leaf by
    // the name it was given, a constant as "constant", and any other scalar as #id, so that an id never reads as a value.
    private static string Describe(ReadOnlySpan<Scalar> inputs)
    {
        var parts = new string[inputs.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            var input = inputs[i];
            var title = input.IsConstant ? "constant" : input.Leaf?.Name ?? "#" + input.UniqueId.ToString(CultureInfo.InvariantCulture);
            parts[i] = string.Create(CultureInfo.InvariantCulture, $"{title} = {input.Data:R}");
        }

        return "(" + string.Join(", ", parts) + ")";
    }
}
