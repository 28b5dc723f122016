using MiniTorch.Runs;

namespace MiniTorch.Tests;

/// <summary>
/// The trainer's loop spelled out for one engine on a fresh network of the given settings, so that tests can compare
/// engines epoch by epoch: the derivatives before each step and the parameters after it.
/// </summary>
internal sealed class EngineRun : IDisposable
{
    private readonly Sgd _sgd;

    public EngineRun(TrainingSettings settings, ITrainingEngine engine)
    {
        Network = TrainingSettings.CreateNetwork(settings.Hidden, settings.Seed);
        _sgd = new Sgd(Network.Parameters(), settings.LearningRate);
        Engine = engine;
    }

    public Network Network { get; }

    public ITrainingEngine Engine { get; }

    /// <summary>Every parameter's value, in <see cref="Module.Parameters"/> order.</summary>
    public static double[] Values(Module model) => [.. model.Parameters().Select(p => p.Value.Data)];

    /// <summary>Clears the gradients and runs one epoch.</summary>
    public EpochTotals Epoch(Dataset data)
    {
        _sgd.ZeroGrad();
        return Engine.RunEpoch(Network, data);
    }

    /// <summary>The SGD step.</summary>
    public void Step() => _sgd.Step();

    /// <summary>
    /// Trains three epochs (so that any tapes are recorded), then returns what 20 more passes over
    /// <paramref name="data"/>, without steps, allocate on this thread.
    /// </summary>
    public long BytesOfPassesAfterWarmUp(Dataset data)
    {
        for (var epoch = 0; epoch < 3; epoch++)
        {
            Epoch(data);
            Step();
        }

        _sgd.ZeroGrad();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var epoch = 0; epoch < 20; epoch++)
        {
            Engine.RunEpoch(Network, data);
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>Every parameter's derivative, NaN where a parameter has none.</summary>
    public double[] Derivatives() => [.. Network.Parameters().Select(p => p.Value.Derivative ?? double.NaN)];

    public double[] Values() => Values(Network);

    public void Dispose() => (Engine as IDisposable)?.Dispose();
}
