namespace MiniTorch;

/// <summary>The values of one forward pass of a <see cref="Network"/>, layer by layer (see <see cref="Network.Activations"/>).</summary>
/// <param name="Hidden">The hidden units after their activation, one array per hidden layer, in order.</param>
/// <param name="Output">The network's output, the probability of class 1.</param>
public sealed record NetworkActivations(IReadOnlyList<Scalar[]> Hidden, Scalar Output);
