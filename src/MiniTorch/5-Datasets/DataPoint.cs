namespace MiniTorch;

/// <summary>A point of a 2-D dataset: the two inputs of the network.</summary>
/// <param name="X1">The first coordinate (horizontal in pictures).</param>
/// <param name="X2">The second coordinate (vertical in pictures).</param>
public readonly record struct DataPoint(double X1, double X2);
