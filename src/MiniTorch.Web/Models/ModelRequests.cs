using MiniTorch.Web.Training;

namespace MiniTorch.Web.Models;

/// <summary>
/// Which network a request is about: the network of a training (<paramref name="Training"/>, its id), as it is now, or
/// the untrained network of the Training page's settings (<paramref name="Settings"/>).
/// </summary>
/// <param name="Training">A training's id; then <paramref name="Settings"/> is not given.</param>
/// <param name="Settings">The Training page's settings, as a preview sends them.</param>
internal abstract record NetworkChoice(string? Training, TrainingRequest? Settings);

/// <summary>The network's graph for one training point.</summary>
/// <param name="Training">A training's id, or null for <paramref name="Settings"/>.</param>
/// <param name="Settings">The settings of an untrained network.</param>
/// <param name="Point">The index of the training point, from 0; 0 when missing.</param>
/// <param name="Collapsed">The groups to draw as one box; when missing, every group of more than 150 scalars.</param>
internal sealed record ModelGraphRequest(string? Training = null, TrainingRequest? Settings = null, int? Point = null, string[]? Collapsed = null)
    : NetworkChoice(Training, Settings);

/// <summary>
/// The Module tab's view of a network: a window of its parameters, after setting some. For a training, the values are
/// set on its network and stay; for settings (no training), they are set on a fresh network for this answer only, so
/// that a link that lists them opens the same model.
/// </summary>
/// <param name="Training">A training's id, or null for <paramref name="Settings"/>.</param>
/// <param name="Settings">The settings of an untrained network.</param>
/// <param name="Values">New values by dotted parameter name, each finite and at most <see cref="MaxValue"/> in size.</param>
/// <param name="From">The first parameter of the window, from 0; 0 when missing.</param>
/// <param name="Count">How many parameters, 1 to <see cref="MaxCount"/>; <see cref="MaxCount"/> when missing.</param>
internal sealed record ModuleRequest(string? Training = null, TrainingRequest? Settings = null, Dictionary<string, double>? Values = null, int? From = null, int? Count = null)
    : NetworkChoice(Training, Settings)
{
    /// <summary>The largest window.</summary>
    public const int MaxCount = 500;

    /// <summary>The largest size of a value set by hand.</summary>
    public const double MaxValue = 1_000;
}
