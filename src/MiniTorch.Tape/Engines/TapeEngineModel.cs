namespace MiniTorch;

/// <summary>
/// What a tape engine keeps of the model it trains: the model and the number of points its tapes were recorded for,
/// the model's parameters in <see cref="Module.Parameters"/> order, their values and the sums of their gradients.
/// Both tape engines start an epoch with <see cref="Begin"/>.
/// </summary>
internal sealed class TapeEngineModel
{
    private Module<Scalar[], Scalar>? _model;

    /// <summary>The number of points of the latest epoch.</summary>
    public int PointCount { get; private set; }

    /// <summary>The model's parameters, in <see cref="Module.Parameters"/> order.</summary>
    public Parameter[] Parameters { get; private set; } = [];

    /// <summary>The parameters' values as the latest <see cref="Begin"/> read them.</summary>
    public double[] Values { get; private set; } = [];

    /// <summary>One gradient sum per parameter, for the engine to fill during an epoch.</summary>
    public double[] Sums { get; private set; } = [];

    /// <summary>
    /// For each parameter, whether the loss of a class seen in the latest epoch depends on it, so that it has a gradient
    /// (the graph engine reaches it); see <see cref="SetGradientMask"/>.
    /// </summary>
    public bool[] HasGradient { get; private set; } = [];

    /// <summary>Whether every parameter has a gradient (<see cref="HasGradient"/>), as in a network whose loss uses all its weights.</summary>
    public bool EveryParameterHasGradient { get; private set; }

    /// <summary>
    /// Starts an epoch: checks its arguments, takes the model's parameters when the model or the number of points
    /// changed, and reads the parameters' current values (always then, otherwise when <paramref name="readValues"/>).
    /// </summary>
    /// <param name="model">The model the epoch trains.</param>
    /// <param name="data">The epoch's points.</param>
    /// <param name="readValues">Whether to read the values from the model; false keeps <see cref="Values"/> as they are (<see cref="TapeTrainer"/> steps them there).</param>
    /// <returns>True when the model or the number of points changed: tapes recorded before must be recorded again.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> or <paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="data"/> has no points.</exception>
    public bool Begin(Module<Scalar[], Scalar> model, Dataset data, bool readValues = true)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfZero(data.Count);
        var changed = !ReferenceEquals(model, _model) || data.Count != PointCount;
        if (changed)
        {
            _model = model;
            PointCount = data.Count;
            Parameters = [.. model.Parameters()];
            Values = new double[Parameters.Length];
            Sums = new double[Parameters.Length];
            HasGradient = new bool[Parameters.Length];
        }

        if (changed || readValues)
        {
            ClassTape.ReadValues(Parameters, Values);
        }

        return changed;
    }

    /// <summary>Sets <see cref="HasGradient"/> after an epoch from the classes it saw.</summary>
    /// <param name="tapes">The tape of each class, where recorded.</param>
    /// <param name="classSeen">Whether each class occurred in the epoch.</param>
    public void SetGradientMask(ReadOnlySpan<ClassTape?> tapes, ReadOnlySpan<bool> classSeen)
    {
        var every = true;
        for (var i = 0; i < HasGradient.Length; i++)
        {
            HasGradient[i] = (classSeen[0] && tapes[0]!.DependsOn[i]) || (classSeen[1] && tapes[1]!.DependsOn[i]);
            every &= HasGradient[i];
        }

        EveryParameterHasGradient = every;
    }

    /// <summary>
    /// Gives each parameter that has a gradient (<see cref="HasGradient"/>) its sum with
    /// <see cref="Scalar.AccumulateDerivative"/>, where the graph engine leaves it and <see cref="Sgd"/> expects it.
    /// </summary>
    public void HandOverGradients()
    {
        for (var i = 0; i < Parameters.Length; i++)
        {
            if (HasGradient[i])
            {
                Parameters[i].Value.AccumulateDerivative(Sums[i]);
            }
        }
    }
}
