namespace MiniTorch.Web.Training;

/// <summary>
/// How fast a run's epochs go, for the eye: <c>slow</c>, <c>normal</c> and <c>fast</c> hold the epochs to a rate
/// (normal lets MiniTorch's 500 Xor epochs learn over about eight seconds), <c>max</c> runs them as fast as the engine
/// can, as <c>minitorch train</c> does. The numbers are the same at any pace.
/// </summary>
internal static class TrainingPace
{
    /// <summary>10 epochs a second.</summary>
    public const string Slow = "slow";

    /// <summary>60 epochs a second.</summary>
    public const string Normal = "normal";

    /// <summary>300 epochs a second.</summary>
    public const string Fast = "fast";

    /// <summary>As fast as the engine can: the command's pace, and the API's when none is given.</summary>
    public const string Max = "max";

    /// <summary>The paces, slowest first.</summary>
    public static IReadOnlyList<string> Names { get; } = [Slow, Normal, Fast, Max];

    /// <summary>The epochs per second of a pace.</summary>
    /// <param name="pace">One of <see cref="Names"/>.</param>
    /// <returns>The rate, or <see langword="null"/> for <see cref="Max"/>.</returns>
    public static double? EpochsPerSecond(string pace) => pace switch
    {
        Slow => 10,
        Normal => 60,
        Fast => 300,
        _ => null,
    };
}

/// <summary>The body of a pace change, <c>POST /api/trainings/{id}/pace</c>.</summary>
/// <param name="Pace">One of <see cref="TrainingPace.Names"/>.</param>
internal sealed record PaceRequest(string Pace);
