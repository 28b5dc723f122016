namespace MiniTorch.Runs;

/// <summary>
/// A model that checks a token each time it is called and otherwise is the model it wraps: the same parameters, in
/// the same order, and the same output. The graph engine calls the model once per point, so an epoch stopped through
/// the token ends at its next point rather than after its last; the tape engines call it only while they record, and
/// their epochs, a replay each, run to their end.
/// </summary>
internal sealed class StoppableModel : Module<Scalar[], Scalar>
{
    private readonly Module<Scalar[], Scalar> _model;
    private readonly CancellationToken _stop;

    /// <summary>Wraps <paramref name="model"/>.</summary>
    /// <param name="model">The model; it becomes the only child module, so its parameters are this one's.</param>
    /// <param name="stop">Checked before each call.</param>
    public StoppableModel(Module<Scalar[], Scalar> model, CancellationToken stop)
    {
        _model = AddModule("model", model);
        _stop = stop;
    }

    /// <inheritdoc/>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public override Scalar Forward(Scalar[] input)
    {
        _stop.ThrowIfCancellationRequested();
        return _model.Call(input);
    }
}
