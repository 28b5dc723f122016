using System.Globalization;

namespace MiniTorch;

/// <summary>
/// A fully connected layer of scalars (MiniTorch's <c>Linear</c>, Task 1.5): y_j = b_j + Σ_i x_i · w_ij.
/// </summary>
/// <remarks>
/// Parameters are registered weights first, <c>weight_{i}_{j}</c> for input i and output j (i outer, j inner), then
/// biases <c>bias_{j}</c>; each starts uniform in [−1, 1), drawn in that order from the given generator.
/// </remarks>
public sealed class Linear : Module<Scalar[], Scalar[]>
{
    private readonly Parameter[] _weights;
    private readonly Parameter[] _biases;

    /// <summary>Creates the layer and draws its initial parameters.</summary>
    /// <param name="inSize">The number of inputs, at least 1.</param>
    /// <param name="outSize">The number of outputs, at least 1.</param>
    /// <param name="random">The generator the initial weights and biases are drawn from.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1.</exception>
    public Linear(int inSize, int outSize, SplitMix64 random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outSize, 1);
        ArgumentNullException.ThrowIfNull(random);
        InSize = inSize;
        OutSize = outSize;
        _weights = new Parameter[inSize * outSize];
        for (var i = 0; i < inSize; i++)
        {
            for (var j = 0; j < outSize; j++)
            {
                _weights[(i * outSize) + j] = AddParameter(Invariant($"weight_{i}_{j}"), random.NextDouble(-1.0, 1.0));
            }
        }

        _biases = new Parameter[outSize];
        for (var j = 0; j < outSize; j++)
        {
            _biases[j] = AddParameter(Invariant($"bias_{j}"), random.NextDouble(-1.0, 1.0));
        }
    }

    /// <summary>The number of inputs.</summary>
    public int InSize { get; }

    /// <summary>The number of outputs.</summary>
    public int OutSize { get; }

    /// <summary>The weight from input <paramref name="i"/> to output <paramref name="j"/>, w_ij.</summary>
    /// <param name="i">The input index.</param>
    /// <param name="j">The output index.</param>
    /// <returns>The parameter <c>weight_{i}_{j}</c>.</returns>
    public Parameter Weight(int i, int j)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(i);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(i, InSize);
        ArgumentOutOfRangeException.ThrowIfNegative(j);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(j, OutSize);
        return _weights[(i * OutSize) + j];
    }

    /// <summary>The bias of output <paramref name="j"/>, b_j.</summary>
    /// <param name="j">The output index.</param>
    /// <returns>The parameter <c>bias_{j}</c>.</returns>
    public Parameter Bias(int j) => _biases[j];

    /// <summary>
    /// Computes y_j = b_j + x_0 · w_0j + x_1 · w_1j + …: each output starts from its bias and adds the products input
    /// by input, in order, as MiniTorch does (the order fixes the rounding and the shape of the graph).
    /// </summary>
    /// <param name="input">The <see cref="InSize"/> inputs.</param>
    /// <returns>The <see cref="OutSize"/> outputs.</returns>
    /// <exception cref="ArgumentException">The input has the wrong length.</exception>
    public override Scalar[] Forward(Scalar[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Length != InSize)
        {
            throw new ArgumentException($"Linear({InSize}, {OutSize}) takes {InSize} inputs, but {input.Length} were given.", nameof(input));
        }

        // course: task 1.5: each output j starts from its bias b_j and adds x_0 · w_0j, then x_1 · w_1j, and so on in input order (MiniTorch's Linear.forward)
        var output = new Scalar[OutSize];
        for (var j = 0; j < OutSize; j++)
        {
            output[j] = _biases[j].Value;
        }

        for (var i = 0; i < InSize; i++)
        {
            for (var j = 0; j < OutSize; j++)
            {
                output[j] += input[i] * _weights[(i * OutSize) + j].Value;
            }
        }

        return output;
        // course: end
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
