namespace MiniTorch.Expressions;

/// <summary>The Scalar graph built by <see cref="Expression.Evaluate"/>: its output and its leaves.</summary>
public sealed class Evaluation
{
    private readonly Expression _expression;

    internal Evaluation(Expression expression, Scalar output, IReadOnlyList<Scalar> variables)
    {
        _expression = expression;
        Output = output;
        Variables = variables;
    }

    /// <summary>The value of the expression, with its whole computation recorded; call <see cref="Scalar.Backward"/> on it for gradients.</summary>
    public Scalar Output { get; }

    /// <summary>
    /// One leaf scalar per distinct variable, named after it, in the order of <see cref="Expression.Variables"/>. Every
    /// occurrence of a name uses the same leaf, so its derivative after a backward pass is the full ∂output/∂variable.
    /// </summary>
    public IReadOnlyList<Scalar> Variables { get; }

    /// <summary>
    /// Runs the backward pass from <see cref="Output"/> and returns ∂output/∂variable for every variable; with
    /// <paramref name="check"/>, each also estimated by central difference (the expression evaluated anew at the point
    /// moved by ±ε) and judged by <see cref="Autodiff.CompareDerivatives"/>, as <c>minitorch grad --check</c> and the
    /// sandbox's Autodiff tab show it.
    /// </summary>
    /// <param name="check">Whether to estimate and judge each derivative.</param>
    /// <returns>One entry per variable, in the order of <see cref="Variables"/>.</returns>
    /// <remarks>Call it once: the leaves' derivatives add up over backward passes.</remarks>
    public IReadOnlyList<VariableDerivative> Backward(bool check)
    {
        Output.Backward();
        var point = Variables.Select(v => v.Data).ToArray();
        var derivatives = new VariableDerivative[point.Length];
        for (var i = 0; i < point.Length; i++)
        {
            var leaf = Variables[i];
            var derivative = leaf.Derivative ?? 0.0;
            var numeric = check ? Autodiff.CentralDifference(ValueAt, point, i) : (double?)null;
            derivatives[i] = new VariableDerivative(leaf.Name, leaf.Data, derivative, numeric, numeric is { } n ? Autodiff.CompareDerivatives(derivative, n) : null);
        }

        return derivatives;
    }

    // The expression's value at a point given in the order of its variables.
    private double ValueAt(double[] point)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < point.Length; i++)
        {
            values.Add(_expression.Variables[i].Name, point[i]);
        }

        return _expression.Evaluate(values).Output.Data;
    }
}
