namespace MiniTorch;

/// <summary>
/// The yardstick for every speed ratio: the training network of MiniTorch Task 1.5 (2 → H → H → 1, relu, relu,
/// sigmoid) and its loss, forward and backward written by hand on <see cref="double"/> arrays, with no graph at all.
/// </summary>
/// <remarks>
/// <para>
/// Every operation is the one the scalar graph performs, in the same order, so the results equal the graph engine's
/// (and the tape's) to the last bit up to the sign of zero: each layer's output j is accumulated from its bias,
/// y_j = ((b_j + x₀·w₀ⱼ) + x₁·w₁ⱼ) + …; a hidden unit's derivative adds the shares of the units it feeds newest first
/// (j = H − 1 down to 0), as the graph engine does; the loss is −log(prob) with prob = out for label 1 and −out + 1
/// otherwise, and log(x) = ln(x + ε) (<see cref="Operators.Log"/>).
/// </para>
/// <para>
/// <see cref="Parameters"/> and <see cref="Gradients"/> share one layout, the order of MiniTorch's parameters:
/// layer 1 weights w[i][j] (row i = input, column j = output) then its biases, then layer 2, then layer 3;
/// H² + 5H + 1 values in all. Nothing is allocated after construction. Not thread-safe.
/// </para>
/// </remarks>
public sealed class HandWrittenNetwork
{
    private readonly int _h;
    private readonly double[] _parameters;
    private readonly double[] _gradients;
    private readonly double[] _y1;
    private readonly double[] _h1;
    private readonly double[] _y2;
    private readonly double[] _h2;
    private readonly double[] _dy2;

    /// <summary>Creates the network with all parameters 0; set them through <see cref="Parameters"/>.</summary>
    /// <param name="hidden">The hidden width H, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="hidden"/> is below 1.</exception>
    public HandWrittenNetwork(int hidden)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hidden, 1);
        _h = hidden;
        _parameters = new double[Network.ParameterCount(hidden)];
        _gradients = new double[_parameters.Length];
        _y1 = new double[hidden];
        _h1 = new double[hidden];
        _y2 = new double[hidden];
        _h2 = new double[hidden];
        _dy2 = new double[hidden];
    }

    /// <summary>The hidden width H.</summary>
    public int Hidden => _h;

    /// <summary>The parameters, in MiniTorch's order (see the remarks); writable.</summary>
    public Span<double> Parameters => _parameters;

    /// <summary>The accumulated gradients, in the layout of <see cref="Parameters"/>; writable, so that they can be cleared.</summary>
    public Span<double> Gradients => _gradients;

    /// <summary>The network's output σ(z) at the point (x₀, x₁), a value in [0, 1].</summary>
    /// <param name="x0">The first coordinate.</param>
    /// <param name="x1">The second coordinate.</param>
    /// <returns>The predicted probability of label 1.</returns>
    public double Forward(double x0, double x1)
    {
        var p = _parameters;
        var h = _h;
        var w2 = 3 * h;
        var w3 = w2 + (h * h) + h;
        for (var j = 0; j < h; j++)
        {
            var y = p[(2 * h) + j];
            y += x0 * p[j];
            y += x1 * p[h + j];
            _y1[j] = y;
            _h1[j] = Operators.Relu(y);
        }

        for (var j = 0; j < h; j++)
        {
            var y = p[w2 + (h * h) + j];
            for (var i = 0; i < h; i++)
            {
                y += _h1[i] * p[w2 + (i * h) + j];
            }

            _y2[j] = y;
            _h2[j] = Operators.Relu(y);
        }

        var z = p[w3 + h];
        for (var i = 0; i < h; i++)
        {
            z += _h2[i] * p[w3 + i];
        }

        return Operators.Sigmoid(z);
    }

    /// <summary>
    /// One training point: computes the loss −log(prob) and adds <paramref name="scale"/> · ∂loss/∂θ to
    /// <see cref="Gradients"/>, as <c>(loss / N).Backward()</c> does with scale = 1/N.
    /// </summary>
    /// <param name="x0">The first coordinate.</param>
    /// <param name="x1">The second coordinate.</param>
    /// <param name="label">The class: 1 uses prob = out, anything else prob = −out + 1.</param>
    /// <param name="scale">The factor of the backpropagated loss, 1/N in training (computed as <c>1.0 / N</c>).</param>
    /// <returns>The output σ(z) and the loss (unscaled), for counting correct points and summing the epoch's loss.</returns>
    public (double Output, double Loss) Accumulate(double x0, double x1, int label, double scale)
    {
        var output = Forward(x0, x1);
        var prob = label == 1 ? output : -output + 1.0;
        var loss = -Operators.Log(prob);

        var p = _parameters;
        var g = _gradients;
        var h = _h;
        var w2 = 3 * h;
        var w3 = w2 + (h * h) + h;
        var dProb = Operators.LogBack(prob, -scale);
        var dOutput = label == 1 ? dProb : -dProb;
        var dz = output * (1.0 - output) * dOutput;

        g[w3 + h] += dz;
        for (var i = 0; i < h; i++)
        {
            g[w3 + i] += _h2[i] * dz;
            _dy2[i] = Operators.ReluBack(_y2[i], p[w3 + i] * dz);
        }

        for (var j = 0; j < h; j++)
        {
            g[w2 + (h * h) + j] += _dy2[j];
        }

        for (var i = 0; i < h; i++)
        {
            var dh = 0.0;
            for (var j = h - 1; j >= 0; j--)
            {
                dh += p[w2 + (i * h) + j] * _dy2[j];
                g[w2 + (i * h) + j] += _h1[i] * _dy2[j];
            }

            var dy = Operators.ReluBack(_y1[i], dh);
            g[(2 * h) + i] += dy;
            g[i] += x0 * dy;
            g[h + i] += x1 * dy;
        }

        return (output, loss);
    }
}
