namespace MiniTorch;

/// <summary>What one pass over the data measured, before the optimiser step.</summary>
/// <param name="TotalLoss">The sum over the points of −log(p), where p is the probability the model gave the true class.</param>
/// <param name="Correct">How many points the model classified correctly (see <see cref="Predictions.IsCorrect"/>).</param>
public readonly record struct EpochTotals(double TotalLoss, int Correct);
