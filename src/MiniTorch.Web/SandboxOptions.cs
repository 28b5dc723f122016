namespace MiniTorch.Web;

/// <summary>The limits of one sandbox server.</summary>
public sealed class SandboxOptions
{
    /// <summary>The number of trainings that may run at once when nothing else is said.</summary>
    public const int DefaultMaxTrainings = 4;

    /// <summary>How many trainings may exist at once; one more is refused with status 429. Raised by the load test.</summary>
    public int MaxTrainings { get; init; } = DefaultMaxTrainings;

    /// <summary>
    /// How long a training created through the API may wait for its page to open the event stream before it is
    /// dropped, so that a page that never connects cannot hold a place under <see cref="MaxTrainings"/>.
    /// </summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many computing requests (an expression, a function's samples, a training's preview, module preview or
    /// start, a run's file) are computed at once: by default half the processors, at least one, so that the thread pool
    /// always has threads left for the cheap requests (the page, the form, play and pause).
    /// </summary>
    public int MaxComputations { get; init; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>How many computing requests may wait for their turn beyond <see cref="MaxComputations"/>; one more is refused with status 429.</summary>
    public int QueuedComputations { get; init; } = 32;

    /// <summary>
    /// How long one event of a training's stream may take to be written. A page that stops reading its stream fills
    /// the connection's buffers, after which a write waits; past this time the connection is closed, which stops the
    /// training and frees its place.
    /// </summary>
    public TimeSpan StreamWriteTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
