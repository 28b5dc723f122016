using System.Globalization;

namespace MiniTorch.Web.Manual;

/// <summary>
/// The linear layer of MiniTorch's Task 0.5 (<c>run_manual.py</c>): a <see cref="Module"/> whose parameters are set by
/// hand, computed on plain doubles with the operators of Task 0.1, so that it needs only Module 0: no <see cref="Scalar"/>
/// arithmetic and no backpropagation. Its parameters are named as <see cref="Linear"/>'s: <c>weight_{i}_{j}</c> and
/// <c>bias_{j}</c>.
/// </summary>
internal sealed class ManualLinear : Module<double[], double[]>
{
    private readonly Parameter[] _weights;
    private readonly Parameter[] _biases;

    /// <summary>Creates the layer with every parameter 0, for the page to set.</summary>
    /// <param name="inSize">The number of inputs.</param>
    /// <param name="outSize">The number of outputs.</param>
    public ManualLinear(int inSize, int outSize)
    {
        InSize = inSize;
        OutSize = outSize;
        _weights = new Parameter[inSize * outSize];
        _biases = new Parameter[outSize];
        for (var i = 0; i < inSize; i++)
        {
            for (var j = 0; j < outSize; j++)
            {
                _weights[(i * outSize) + j] = AddParameter(string.Create(CultureInfo.InvariantCulture, $"weight_{i}_{j}"), new Scalar(0.0));
            }
        }

        for (var j = 0; j < outSize; j++)
        {
            _biases[j] = AddParameter(string.Create(CultureInfo.InvariantCulture, $"bias_{j}"), new Scalar(0.0));
        }
    }

    /// <summary>The number of inputs.</summary>
    public int InSize { get; }

    /// <summary>The number of outputs.</summary>
    public int OutSize { get; }

    /// <summary>
    /// Computes y_j = b_j + x_0 · w_0j + x_1 · w_1j + … with <see cref="Operators.Add"/> and <see cref="Operators.Mul"/>,
    /// from the bias, input by input, in the order <see cref="Linear.Forward"/> adds (so the same values give the same
    /// bits).
    /// </summary>
    /// <param name="input">The <see cref="InSize"/> inputs.</param>
    /// <returns>The <see cref="OutSize"/> outputs.</returns>
    public override double[] Forward(double[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var output = new double[OutSize];
        for (var j = 0; j < OutSize; j++)
        {
            output[j] = _biases[j].Value.Data;
        }

        for (var i = 0; i < InSize; i++)
        {
            for (var j = 0; j < OutSize; j++)
            {
                output[j] = Operators.Add(output[j], Operators.Mul(input[i], _weights[(i * OutSize) + j].Value.Data));
            }
        }

        return output;
    }
}
