namespace MiniTorch.Cli.Commands;

/// <summary>How long <c>minitorch bench</c> warms each engine up and how long one timed sample lasts.</summary>
/// <param name="MinSampleTime">How long the runs of one timed sample add up to at least (a sample has at least one run).</param>
/// <param name="MinWarmUp">The shortest untimed warm-up of an engine, however calm its epochs are from the start.</param>
/// <param name="MaxWarmUp">The longest untimed warm-up of an engine; with zero, an engine warms up for one round of ten epochs.</param>
internal sealed record BenchTiming(TimeSpan MinSampleTime, TimeSpan MinWarmUp, TimeSpan MaxWarmUp)
{
    /// <summary>
    /// The command's timing: samples of at least 0.2 s, warm-ups of 1 to 3 s (tiered compilation replaced the quickly
    /// compiled code with optimised code after up to half a second on a busy machine).
    /// </summary>
    public static BenchTiming Standard { get; } = new(TimeSpan.FromSeconds(0.2), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));
}
