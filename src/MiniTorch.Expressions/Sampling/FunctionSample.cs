namespace MiniTorch.Expressions;

/// <summary>A function and its derivative at one point, as <see cref="FunctionSampling.Sample"/> computes them.</summary>
/// <param name="X">The value of the swept variable.</param>
/// <param name="Value">f(x); NaN where f is not finite.</param>
/// <param name="Derivative">df/dx by autodiff (the Scalar graph's backward pass); NaN where it or f is not finite.</param>
/// <param name="CentralDifference">
/// df/dx estimated by <see cref="Autodiff.CentralDifference(Func{double[], double}, double[], int, double)"/>; NaN
/// where it or f is not finite.
/// </param>
public readonly record struct FunctionSample(double X, double Value, double Derivative, double CentralDifference);
