namespace MiniTorch.Tests;

/// <summary>
/// The training network of Task 1.5 written with plain scalar arithmetic, as the oracle for the tape and the
/// hand-written baseline: parameters in <see cref="HandWrittenNetwork"/>'s layout, each output accumulated from its
/// bias with the inputs in order.
/// </summary>
internal static class ScalarMlp
{
    /// <summary>The scalars of one point's computation.</summary>
    /// <param name="Output">σ(z).</param>
    /// <param name="Loss">−log(prob).</param>
    /// <param name="PreActivations">The inputs of every relu, layer 1 then layer 2.</param>
    public sealed record Graph(Scalar Output, Scalar Loss, Scalar[] PreActivations);

    public static Graph Build(ReadOnlySpan<Scalar> parameters, Scalar x0, Scalar x1, int label, int hidden)
    {
        var h = hidden;
        var y1 = Linear(parameters, 0, [x0, x1], h);
        var y2 = Linear(parameters, 3 * h, Array.ConvertAll(y1, y => y.Relu()), h);
        var z = Linear(parameters, (4 * h) + (h * h), Array.ConvertAll(y2, y => y.Relu()), 1)[0];
        var output = z.Sigmoid();
        var prob = label == 1 ? output : -output + 1.0;
        return new Graph(output, -prob.Log(), [.. y1, .. y2]);
    }

    public static Scalar[] NewParameters(int hidden, int seed)
    {
        var random = new Random(seed);
        var parameters = new Scalar[Network.ParameterCount(hidden)];
        for (var k = 0; k < parameters.Length; k++)
        {
            parameters[k] = new Scalar((2.0 * random.NextDouble()) - 1.0, $"p{k}");
        }

        return parameters;
    }

    private static Scalar[] Linear(ReadOnlySpan<Scalar> parameters, int offset, Scalar[] inputs, int outputs)
    {
        var y = new Scalar[outputs];
        for (var j = 0; j < outputs; j++)
        {
            var acc = parameters[offset + (inputs.Length * outputs) + j];
            for (var i = 0; i < inputs.Length; i++)
            {
                acc += inputs[i] * parameters[offset + (i * outputs) + j];
            }

            y[j] = acc;
        }

        return y;
    }
}
