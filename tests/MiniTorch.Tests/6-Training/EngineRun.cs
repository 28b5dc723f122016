namespace MiniTorch.Tests;

/// <summary>
/// The trainer's loop spelled out for one engine on a fresh network of the given settings, so that tests can compare
/// engines epoch by epoch: the derivatives before each step and the parameters after it.
/// </summary>
internal sealed class EngineRun : IDisposable
{
    private readonly Sgd _sgd;
    private readonly ParameterUpdate _update;

    public EngineRun(TrainingSettings settings, ITrainingEngine engine, ParameterUpdate update = ParameterUpdate.NewLeaf)
    {
        Network = settings.CreateNetwork();
        _sgd = new Sgd(Network.Parameters(), settings.LearningRate);
        Engine = engine;
        _update = update;
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

    /// <summary>The SGD step, with new leaves or in place as the run was created.</summary>
    public void Step()
    {
        if (_update == ParameterUpdate.InPlace)
        {
            _sgd.StepInPlace();
        }
        else
        {
            _sgd.Step();
        }
    }

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

    /// <summary>Trains three epochs (so that any tapes are recorded), then returns what 20 more whole epochs allocate on this thread.</summary>
    public long BytesOfEpochsAfterWarmUp(Dataset data)
    {
        for (var epoch = 0; epoch < 3; epoch++)
        {
            Epoch(data);
            Step();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var epoch = 0; epoch < 20; epoch++)
        {
            Epoch(data);
            Step();
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>Every parameter's derivative, NaN where a parameter has none.</summary>
    public double[] Derivatives() => [.. Network.Parameters().Select(p => p.Value.Derivative ?? double.NaN)];

    public double[] Values() => Values(Network);

    public void Dispose() => (Engine as IDisposable)?.Dispose();
}
