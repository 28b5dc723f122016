namespace MiniTorch;

/// <summary>
/// The network of MiniTorch Task 1.5: 2 inputs → H → H → 1 output, that is
/// sigmoid(layer3(relu(layer2(relu(layer1(x)))))), where H is the hidden width.
/// </summary>
/// <remarks>
/// Parameters are named <c>layer1.weight_0_0</c> … <c>layer3.bias_0</c>; there are H² + 5H + 1 of them
/// (2H + H in layer1, H² + H in layer2, H + 1 in layer3). Layers draw their initial values in order from one generator.
/// </remarks>
public sealed class Network : Module<Scalar[], Scalar>
{
    /// <summary>Creates the network and draws its initial parameters, layer1 first.</summary>
    /// <param name="hidden">H, the width of the two hidden layers, at least 1.</param>
    /// <param name="random">The generator the initial parameters are drawn from.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="hidden"/> is below 1.</exception>
    public Network(int hidden, SplitMix64 random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hidden, 1);
        ArgumentNullException.ThrowIfNull(random);
        Hidden = hidden;
        // course: task 1.5: the three Linear layers of MiniTorch's Network, each registered with AddModule as layer1 (2 → hidden), layer2 (hidden → hidden) and layer3 (hidden → 1), created in that order from random
        Layer1 = AddModule("layer1", new Linear(2, hidden, random));
        Layer2 = AddModule("layer2", new Linear(hidden, hidden, random));
        Layer3 = AddModule("layer3", new Linear(hidden, 1, random));
        // course: end
    }

    /// <summary>H, the width of the hidden layers.</summary>
    public int Hidden { get; }

    /// <summary>The first layer, 2 → H.</summary>
    public Linear Layer1 { get; }

    /// <summary>The second layer, H → H.</summary>
    public Linear Layer2 { get; }

    /// <summary>The output layer, H → 1.</summary>
    public Linear Layer3 { get; }

    /// <summary>The number of parameters of a network of width <paramref name="hidden"/>: H² + 5H + 1.</summary>
    /// <param name="hidden">H.</param>
    /// <returns>H² + 5H + 1, for example 15 for H = 2 and 151 for H = 10; a long, so that any width has its count.</returns>
    public static long ParameterCount(int hidden) => ((long)hidden * hidden) + (5L * hidden) + 1;

    /// <summary>Computes the probability that the point (x1, x2) is class 1.</summary>
    /// <param name="input">The two coordinates.</param>
    /// <returns>A scalar in [0, 1].</returns>
    /// <exception cref="ArgumentException">The input does not have two values.</exception>
    public override Scalar Forward(Scalar[] input) => Activations(input).Output;

    /// <summary>
    /// Runs the forward pass and keeps every layer's values: the hidden units after relu, layer by layer, and the
    /// output. <see cref="Forward"/> is this pass; pictures of the hidden units read the rest.
    /// </summary>
    /// <param name="input">The two coordinates.</param>
    /// <returns>The hidden units of layer1 and layer2, and the output.</returns>
    /// <exception cref="ArgumentException">The input does not have two values.</exception>
    public NetworkActivations Activations(Scalar[] input)
    {
        var hidden1 = Relu(Layer1.Call(input));
        var hidden2 = Relu(Layer2.Call(hidden1));
        var output = Layer3.Call(hidden2)[0].Sigmoid();
        return new NetworkActivations([hidden1, hidden2], output);
    }

    private static Scalar[] Relu(Scalar[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = values[i].Relu();
        }

        return values;
    }
}
