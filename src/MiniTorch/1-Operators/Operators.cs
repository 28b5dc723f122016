namespace MiniTorch;

/// <summary>
/// The numeric building blocks of MiniTorch Module 0 (Tasks 0.1 and 0.3): plain functions on <see cref="double"/>
/// that every later layer (the scalar functions, their derivatives, the training loop) is written with.
/// </summary>
/// <remarks>
/// The class is split over a few files, one small table of related operations each:
/// arithmetic, comparisons, activations, logarithm and exponential, the inverse, and the higher-order list functions.
/// All operations follow IEEE 754: NaN in gives NaN out unless a comparison decides otherwise, as stated per member.
/// </remarks>
public static partial class Operators
{
    /// <summary>
    /// The small constant added inside <see cref="Log"/> and <see cref="LogBack"/> so that log(0) is finite:
    /// ε = 10⁻⁶, as in MiniTorch.
    /// </summary>
    public const double Eps = 1e-6;
}
