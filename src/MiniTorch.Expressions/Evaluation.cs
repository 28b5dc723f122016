namespace MiniTorch.Expressions;

/// <summary>The Scalar graph built by <see cref="Expression.Evaluate"/>: its output and its leaves.</summary>
public sealed class Evaluation
{
    internal Evaluation(Scalar output, IReadOnlyList<Scalar> variables)
    {
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
}
