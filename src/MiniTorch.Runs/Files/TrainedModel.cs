namespace MiniTorch.Runs;

/// <summary>A trained network with the settings that produced it and its final metrics: what a model file holds.</summary>
/// <param name="Network">The network, with its trained parameters: a <see cref="MiniTorch.Network"/> or a <see cref="LayeredNetwork"/>.</param>
/// <param name="Settings">The settings of the run; their <see cref="TrainingSettings.Shape"/> is the network's.</param>
/// <param name="FinalLoss">The last epoch's total loss on the training points, a finite number.</param>
/// <param name="FinalCorrect">The last epoch's number of correct training points, from 0 to the number of training points.</param>
public sealed record TrainedModel(Module<Scalar[], Scalar> Network, TrainingSettings Settings, double FinalLoss, int FinalCorrect)
{
    /// <summary>
    /// For a run stopped before its last epoch: the epochs it completed, whose last one the metrics describe (the file
    /// says <c>"interrupted": true</c> and <c>"completedEpochs"</c>); <see langword="null"/> for a run that ran all
    /// of <see cref="TrainingSettings.Epochs"/>.
    /// </summary>
    public int? CompletedEpochs { get; init; }

    /// <summary>The last epoch's total loss and correct count on the test points; <see langword="null"/> when there are none.</summary>
    public EpochTotals? FinalTest { get; init; }
}
