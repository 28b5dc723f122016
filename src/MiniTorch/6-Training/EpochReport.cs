namespace MiniTorch;

/// <summary>The progress report sent after each epoch.</summary>
/// <param name="Epoch">The epoch just finished, counting from 1.</param>
/// <param name="TotalLoss">The epoch's total loss: the sum over the points, not the mean, as MiniTorch logs it.</param>
/// <param name="Correct">How many points were classified correctly during the epoch (before its step).</param>
/// <param name="Elapsed">The time since training started.</param>
public readonly record struct EpochReport(int Epoch, double TotalLoss, int Correct, TimeSpan Elapsed);
