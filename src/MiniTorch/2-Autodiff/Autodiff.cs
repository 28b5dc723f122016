namespace MiniTorch;

/// <summary>
/// The general machinery of reverse-mode automatic differentiation (MiniTorch Tasks 1.1, 1.3 and 1.4): numerical
/// derivatives, ordering a graph, and sending derivatives backwards through it.
/// </summary>
public static partial class Autodiff
{
}
