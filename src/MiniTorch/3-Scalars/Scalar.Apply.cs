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
            throw ArityMismatch(TFunction.Name, TFunction.Arity, inputs.Length, nameof(inputs));
        }

        foreach (var input in inputs)
        {
            ArgumentNullException.ThrowIfNull(input, nameof(inputs));
        }

        // The arity is a constant of each function type, so each function compiles to one of these three.
        return TFunction.Arity switch
        {
            1 => ApplyToOne<TFunction>(inputs[0]),
            2 => ApplyToTwo<TFunction>(inputs[0], inputs[1]),
            _ => ApplyToMany<TFunction>(inputs),
        };
    }

    private static Scalar ApplyToOne<TFunction>(Scalar input)
        where TFunction : IScalarFunction
    {
        var result = input.IsConstant ? null : new Scalar(FunctionHandle.Of<TFunction>(), input, constantInputs: 0);
        var values = default(DoublePair);
        values[0] = input.Data;
        return Finish<TFunction>(result, ((ReadOnlySpan<double>)values)[..1], [input]);
    }

    private static Scalar ApplyToTwo<TFunction>(Scalar first, Scalar second)
        where TFunction : IScalarFunction
    {
        var constantInputs = (first.IsConstant ? 1 : 0) | (second.IsConstant ? 2 : 0);
        var result = constantInputs == 3 ? null : new Scalar(FunctionHandle.Of<TFunction>(), first, second, (byte)constantInputs);
        var values = default(DoublePair);
        values[0] = first.Data;
        values[1] = second.Data;
        return Finish<TFunction>(result, values, [first, second]);
    }

    private static Scalar ApplyToMany<TFunction>(ReadOnlySpan<Scalar> inputs)
        where TFunction : IScalarFunction
    {
        var values = new double[inputs.Length];
        var needsGrad = false;
        for (var i = 0; i < inputs.Length; i++)
        {
            values[i] = inputs[i].Data;
            needsGrad |= !inputs[i].IsConstant;
        }

        var result = needsGrad ? new Scalar(FunctionHandle.Of<TFunction>(), inputs) : null;
        return Finish<TFunction>(result, values, inputs);
    }

    // Runs the forward pass into `result` (null when no input needs a derivative: the value becomes a constant).
    private static Scalar Finish<TFunction>(Scalar? result, ReadOnlySpan<double> values, ReadOnlySpan<Scalar> inputs)
        where TFunction : IScalarFunction
    {
        var data = TFunction.Forward(result is null ? new Context(noGrad: true) : new Context(result), values);
        if (Autodiff.IsDetectingAnomalies && !double.IsFinite(data))
        {
            throw NonFiniteValue(TFunction.Name, data, inputs);
        }

        if (result is null)
        {
            return Constant(data);
        }

        result.Data = data;
        return result;
    }

    private static ArgumentException ArityMismatch(string function, int arity, int given, string paramName) =>
        new($"{function} takes {arity} input(s), but {given} were given.", paramName);

    private static AnomalyException NonFiniteValue(string function, double data, ReadOnlySpan<Scalar> inputs) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{function} produced {data} from inputs {Describe(inputs)}."));
}
