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
}
