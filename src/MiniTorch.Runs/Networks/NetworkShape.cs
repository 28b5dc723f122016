using System.Globalization;

namespace MiniTorch.Runs;

/// <summary>
/// The shape of a network that <c>minitorch train</c> and the sandbox train: 1 to <see cref="MaxLayers"/> hidden
/// layers with a width each, their activation (relu, tanh or sigmoid), and one sigmoid output. MiniTorch's network
/// (<see cref="MiniTorch(int)"/>: two layers of width H, relu) is built as the library's <see cref="Network"/>; any
/// other shape as a <see cref="LayeredNetwork"/>.
/// </summary>
public sealed record NetworkShape
{
    /// <summary>The most hidden layers.</summary>
    public const int MaxLayers = 4;

    /// <summary>The activation of MiniTorch's network, max(a, 0).</summary>
    public const string Relu = "relu";

    /// <summary>The hyperbolic tangent, TensorFlow Playground's default.</summary>
    public const string Tanh = "tanh";

    /// <summary>The logistic sigmoid.</summary>
    public const string Sigmoid = "sigmoid";

    /// <summary>Checks and stores the shape.</summary>
    /// <param name="widths">Each hidden layer's width, from the input side: 1 to <see cref="MaxLayers"/> widths, each at least 1.</param>
    /// <param name="activation">One of <see cref="Activations"/>, any case.</param>
    /// <exception cref="ArgumentException">Too few or too many layers, or an unknown activation; the message says which.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A width is below 1.</exception>
    public NetworkShape(IEnumerable<int> widths, string activation = Relu)
    {
        ArgumentNullException.ThrowIfNull(widths);
        ArgumentNullException.ThrowIfNull(activation);
        int[] layers = [.. widths];
        if (layers.Length is 0 or > MaxLayers)
        {
            throw new ArgumentException(Invariant($"A network has 1 to {MaxLayers} hidden layers, not {layers.Length}."), nameof(widths));
        }

        foreach (var width in layers)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(width, 1, nameof(widths));
        }

        Widths = layers;
        Activation = Activations.FirstOrDefault(name => string.Equals(name, activation, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Unknown activation '{activation}'. Valid activations: {string.Join(", ", Activations)}.", nameof(activation));
    }

    /// <summary>The activations a hidden layer can have, MiniTorch's first.</summary>
    public static IReadOnlyList<string> Activations { get; } = [Relu, Tanh, Sigmoid];

    /// <summary>Each hidden layer's width, from the input side.</summary>
    public IReadOnlyList<int> Widths { get; }

    /// <summary>The hidden layers' activation, one of <see cref="Activations"/>.</summary>
    public string Activation { get; }

    /// <summary>True for MiniTorch's network: two hidden layers of the same width, relu.</summary>
    public bool IsMiniTorch => Widths is [var first, var second] && first == second && Activation == Relu;

    /// <summary>The number of parameters: Σ (inputs + 1) · outputs over the layers, from 2 inputs to 1 output.</summary>
    public long ParameterCount
    {
        get
        {
            var count = 0L;
            var inputs = 2L;
            foreach (var width in Widths.Append(1))
            {
                count += (inputs + 1) * width;
                inputs = width;
            }

            return count;
        }
    }

    /// <summary>The hidden layers in a few characters: <c>10</c> for MiniTorch's network of width 10, else <c>16,8 tanh</c>.</summary>
    public string HiddenText => IsMiniTorch ? Widths[0].ToString(CultureInfo.InvariantCulture) : $"{WidthsText} {Activation}";

    /// <summary>The widths as the command line writes them: <c>10,10</c>.</summary>
    public string WidthsText => string.Join(',', Widths.Select(w => w.ToString(CultureInfo.InvariantCulture)));

    /// <summary>MiniTorch's network: two hidden layers of width <paramref name="hidden"/>, relu.</summary>
    /// <param name="hidden">H, at least 1.</param>
    /// <returns>The shape.</returns>
    public static NetworkShape MiniTorch(int hidden) => new([hidden, hidden]);

    /// <summary>The shape of a network this type creates.</summary>
    /// <param name="network">A <see cref="Network"/> or a <see cref="LayeredNetwork"/>.</param>
    /// <returns>Its shape.</returns>
    /// <exception cref="ArgumentException">The model is neither.</exception>
    public static NetworkShape Of(Module<Scalar[], Scalar> network) => network switch
    {
        Network minitorch => MiniTorch(minitorch.Hidden),
        LayeredNetwork layered => layered.Shape,
        _ => throw new ArgumentException($"A {network?.GetType().Name ?? "null"} is not a network of this shape family.", nameof(network)),
    };

    /// <summary>
    /// Runs the forward pass of <paramref name="network"/> and keeps every hidden layer's values after the activation
    /// (<see cref="Network.Activations"/> or <see cref="LayeredNetwork.Activations"/>).
    /// </summary>
    /// <param name="network">A network this type creates.</param>
    /// <param name="input">The two coordinates.</param>
    /// <returns>The hidden units, layer by layer, and the output.</returns>
    public static NetworkActivations Activate(Module<Scalar[], Scalar> network, Scalar[] input) => network switch
    {
        Network minitorch => minitorch.Activations(input),
        LayeredNetwork layered => layered.Activations(input),
        _ => throw new ArgumentException($"A {network?.GetType().Name ?? "null"} is not a network of this shape family.", nameof(network)),
    };

    /// <summary>Creates the network with its initial parameters drawn from <paramref name="random"/>, layer1 first.</summary>
    /// <param name="random">The generator.</param>
    /// <returns>A <see cref="Network"/> for MiniTorch's shape, else a <see cref="LayeredNetwork"/>.</returns>
    public Module<Scalar[], Scalar> Create(SplitMix64 random) =>
        IsMiniTorch ? new Network(Widths[0], random) : new LayeredNetwork(this, random);

    /// <summary>The shape in words for titles: <c>hidden 10</c> for MiniTorch's, else <c>hidden 16,8 tanh</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"hidden {HiddenText}";

    /// <summary>Equal when the widths, in order, and the activation are.</summary>
    /// <param name="other">The other shape.</param>
    /// <returns>Whether they describe the same network.</returns>
    public bool Equals(NetworkShape? other) =>
        other is not null && Activation == other.Activation && Widths.SequenceEqual(other.Widths);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(WidthsText, Activation);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
