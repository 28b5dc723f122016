namespace MiniTorch;

/// <summary>
/// The training loop of Task 1.5 on the <see cref="HandWrittenNetwork"/>: the yardstick of every speed ratio, doing
/// what <see cref="Trainer"/> does with either engine, on double arrays and without any graph.
/// </summary>
/// <remarks>
/// An epoch clears the gradients, then for each point (x, y) adds ∂(loss / N)/∂θ with scale 1.0 / N and adds the
/// unscaled loss −log(prob) to the total, in data order from 0; a point is correct by <see cref="Predictions.IsCorrect"/>.
/// A step sets θₖ ← θₖ − η · gₖ for every parameter, as <see cref="Sgd.Step"/> does for each parameter with a
/// derivative (with the training network, all of them). The results equal the engines' up to the sign of zero (see
/// <see cref="HandWrittenNetwork"/>). Allocates nothing after construction. Not thread-safe.
/// </remarks>
public sealed class HandWrittenTrainer
{
    /// <summary>Copies the current parameters of <paramref name="network"/> into a new hand-written network.</summary>
    /// <param name="network">The network whose weights to start from; it is not changed later.</param>
    /// <param name="data">The training data, at least one point.</param>
    /// <param name="learningRate">η, a positive finite number.</param>
    /// <exception cref="ArgumentOutOfRangeException">The data is empty or the learning rate not positive and finite.</exception>
    public HandWrittenTrainer(Network network, Dataset data, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfZero(data.Count);
        Sgd.ThrowIfInvalidLearningRate(learningRate);
        Network = new HandWrittenNetwork(network.Hidden);
        var parameters = network.Parameters();
        for (var k = 0; k < parameters.Count; k++)
        {
            Network.Parameters[k] = parameters[k].Value.Data;
        }

        Data = data;
        LearningRate = learningRate;
    }

    /// <summary>The hand-written network being trained; its <see cref="HandWrittenNetwork.Parameters"/> change with each step.</summary>
    public HandWrittenNetwork Network { get; }

    /// <summary>The training data.</summary>
    public Dataset Data { get; }

    /// <summary>η, the learning rate.</summary>
    public double LearningRate { get; }

    /// <summary>One pass over the data: leaves ∂(Σ loss_k / N)/∂θ in <see cref="HandWrittenNetwork.Gradients"/>.</summary>
    /// <returns>The total loss and the number of correct points, as an <see cref="ITrainingEngine"/> reports them.</returns>
    public EpochTotals RunEpoch()
    {
        Network.Gradients.Clear();
        var scale = 1.0 / Data.Count;
        var totalLoss = 0.0;
        var correct = 0;
        for (var k = 0; k < Data.Count; k++)
        {
            var point = Data.Points[k];
            var label = Data.Labels[k];
            var (output, loss) = Network.Accumulate(point.X1, point.X2, label, scale);
            totalLoss += loss;
            correct += Predictions.IsCorrect(output, label) ? 1 : 0;
        }

        return new EpochTotals(totalLoss, correct);
    }

    /// <summary>The SGD step θₖ ← θₖ − η · gₖ with the gradients of the latest <see cref="RunEpoch"/>.</summary>
    public void Step()
    {
        var parameters = Network.Parameters;
        var gradients = Network.Gradients;
        for (var k = 0; k < parameters.Length; k++)
        {
            parameters[k] -= LearningRate * gradients[k];
        }
    }
}
