using System.Runtime.CompilerServices;

namespace MiniTorch;

/// <summary>
/// Stochastic gradient descent (MiniTorch's <c>SGD</c>): moves each parameter against its derivative,
/// p ← p − η · ∂loss/∂p, where η is the learning rate.
/// </summary>
public sealed class Sgd
{
    private readonly Parameter[] _parameters;

    /// <summary>Creates the optimiser for a fixed list of parameters.</summary>
    /// <param name="parameters">The parameters to update, usually <see cref="Module.Parameters"/>.</param>
    /// <param name="learningRate">η, a positive finite number.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="learningRate"/> is not positive and finite.</exception>
    public Sgd(IEnumerable<Parameter> parameters, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ThrowIfInvalidLearningRate(learningRate);
        _parameters = [.. parameters];
        LearningRate = learningRate;
    }

    /// <summary>η, the learning rate.</summary>
    public double LearningRate { get; }

    /// <summary>The parameters this optimiser updates.</summary>
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>Whether <paramref name="learningRate"/> can drive a descent: a positive finite number.</summary>
    /// <param name="learningRate">η.</param>
    /// <returns>True for 0 &lt; η &lt; ∞.</returns>
    public static bool IsValidLearningRate(double learningRate) => double.IsFinite(learningRate) && learningRate > 0;

    /// <summary>Throws unless <see cref="IsValidLearningRate"/>; the one check behind every constructor that takes η.</summary>
    /// <param name="learningRate">η.</param>
    /// <param name="paramName">The caller's parameter name, filled in by the compiler.</param>
    /// <exception cref="ArgumentOutOfRangeException">η is not positive and finite.</exception>
    public static void ThrowIfInvalidLearningRate(double learningRate, [CallerArgumentExpression(nameof(learningRate))] string? paramName = null)
    {
        if (!IsValidLearningRate(learningRate))
        {
            throw new ArgumentOutOfRangeException(paramName, learningRate, "The learning rate must be a positive finite number.");
        }
    }

    /// <summary>Forgets every parameter's derivative (<see cref="Scalar.ClearDerivative"/>), before a new backward pass.</summary>
    public void ZeroGrad()
    {
        foreach (var parameter in _parameters)
        {
            parameter.Value.ClearDerivative();
        }
    }

    /// <summary>
    /// Replaces each parameter p that has a derivative d with a new leaf scalar p − η · d, which carries no history and
    /// no derivative. A parameter that no backward pass reached (derivative <see langword="null"/>) is left as it is.
    /// </summary>
    public void Step()
    {
        foreach (var parameter in _parameters)
        {
            if (parameter.Value.Derivative is { } derivative)
            {
                parameter.Update(new Scalar(parameter.Value.Data - (LearningRate * derivative)));
            }
        }
    }
}
