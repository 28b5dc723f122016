using System.Globalization;

namespace MiniTorch.Runs;

/// <summary>
/// A network beyond MiniTorch's: 2 inputs → 1 to 4 hidden layers of any widths, each followed by relu, tanh or sigmoid
/// → 1 sigmoid output, built from the library's <see cref="Linear"/> layers (<see cref="NetworkShape"/> says which).
/// </summary>
/// <remarks>
/// The layers are named <c>layer1</c> … <c>layer{L+1}</c> and draw their initial parameters in that order from one
/// generator, as <see cref="Network"/> does, so parameter names read the same in both (<c>layer1.weight_0_0</c> …);
/// with MiniTorch's shape the two would compute the same numbers, but <see cref="NetworkShape.Create"/> builds
/// <see cref="Network"/> itself then.
/// </remarks>
public sealed class LayeredNetwork : Module<Scalar[], Scalar>
{
    private readonly Linear[] _layers;

    /// <summary>Creates the network and draws its initial parameters, layer1 first.</summary>
    /// <param name="shape">The hidden layers' widths and activation.</param>
    /// <param name="random">The generator the initial parameters are drawn from.</param>
    public LayeredNetwork(NetworkShape shape, SplitMix64 random)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(random);
        Shape = shape;
        var sizes = shape.Widths.Prepend(2).Append(1).ToArray();
        _layers = new Linear[sizes.Length - 1];
        for (var k = 0; k < _layers.Length; k++)
        {
            _layers[k] = AddModule(string.Create(CultureInfo.InvariantCulture, $"layer{k + 1}"), new Linear(sizes[k], sizes[k + 1], random));
        }
    }

    /// <summary>The widths and the activation.</summary>
    public NetworkShape Shape { get; }

    /// <summary>The layers, input side first; the last one is the output layer.</summary>
    public IReadOnlyList<Linear> Layers => _layers;

    /// <summary>Computes the probability that the point (x1, x2) is class 1.</summary>
    /// <param name="input">The two coordinates.</param>
    /// <returns>A scalar in [0, 1].</returns>
    public override Scalar Forward(Scalar[] input) => Activations(input).Output;

    /// <summary>Runs the forward pass and keeps every hidden layer's values after the activation, and the output.</summary>
    /// <param name="input">The two coordinates.</param>
    /// <returns>The hidden units, layer by layer, and the output.</returns>
    /// <exception cref="ArgumentException">The input does not have two values.</exception>
    public NetworkActivations Activations(Scalar[] input)
    {
        var hidden = new List<Scalar[]>(_layers.Length - 1);
        var values = input;
        for (var k = 0; k < _layers.Length - 1; k++)
        {
            values = _layers[k].Call(values);
            for (var j = 0; j < values.Length; j++)
            {
                values[j] = Activate(values[j]);
            }

            hidden.Add(values);
        }

        return new NetworkActivations(hidden, _layers[^1].Call(values)[0].Sigmoid());
    }

    private Scalar Activate(Scalar value) => Shape.Activation switch
    {
        NetworkShape.Tanh => value.Tanh(),
        NetworkShape.Sigmoid => value.Sigmoid(),
        _ => value.Relu(),
    };
}
