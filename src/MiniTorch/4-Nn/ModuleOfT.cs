namespace MiniTorch;

/// <summary>
/// A module that computes something: calling it with <see cref="Call"/> runs <see cref="Forward"/>, as calling a
/// module runs its forward in MiniTorch and PyTorch.
/// </summary>
/// <typeparam name="TInput">What the module takes, for example <c>Scalar[]</c>.</typeparam>
/// <typeparam name="TOutput">What it returns.</typeparam>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Justification = "Module is the name MiniTorch and PyTorch learners know.")]
public class Module<TInput, TOutput> : Module
{
    /// <summary>Runs the module on <paramref name="input"/>: the same as <see cref="Forward"/>.</summary>
    /// <param name="input">The input.</param>
    /// <returns>The module's output.</returns>
    public TOutput Call(TInput input) => Forward(input);

    /// <summary>The computation of the module; subclasses override it.</summary>
    /// <param name="input">The input.</param>
    /// <returns>The output.</returns>
    /// <exception cref="NotSupportedException">The subclass did not override <see cref="Forward"/>.</exception>
    public virtual TOutput Forward(TInput input) =>
        throw new NotSupportedException($"{GetType().Name} has no Forward: override Forward to say what calling it computes.");
}
