using System.Globalization;

namespace MiniTorch;

public sealed partial class Scalar
{
    /// <summary>
    /// Applies a differentiable function to scalars and records it (MiniTorch's ScalarFunction.apply): runs the forward
    /// pass on the input values with a fresh <see cref="Context"/>, and returns a scalar whose history holds the
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
            throw new ArgumentException(
                $"{TFunction.Name} takes {TFunction.Arity} input(s), but {inputs.Length} were given.", nameof(inputs));
        }

        var pair = default(DoublePair);
        var values = inputs.Length <= 2 ? ((Span<double>)pair)[..inputs.Length] : new double[inputs.Length];
        var needsGrad = false;
        var constantInputs = 0;
        for (var i = 0; i < inputs.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(inputs[i], nameof(inputs));
            values[i] = inputs[i].Data;
            var isConstant = inputs[i].IsConstant;
            needsGrad |= !isConstant;
            constantInputs |= isConstant && i < 2 ? 1 << i : 0;
        }

        var result = needsGrad ? new Scalar(ScalarFunction.Of<TFunction>(), inputs, (byte)constantInputs) : null;
        var data = TFunction.Forward(result is null ? new Context(noGrad: true) : new Context(result), values);
        if (Autodiff.IsDetectingAnomalies && !double.IsFinite(data))
        {
            throw new AnomalyException(string.Create(
                CultureInfo.InvariantCulture,
                $"{TFunction.Name} produced {data} from inputs {Describe(inputs)}."));
        }

        if (result is null)
        {
            return Constant(data);
        }

        result.Data = data;
        return result;
    }
}
