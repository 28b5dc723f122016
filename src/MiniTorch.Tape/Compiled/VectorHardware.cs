namespace MiniTorch;

/// <summary>Which vectors of doubles the processor computes with in hardware, and so how many points a compiled replay takes at once.</summary>
/// <param name="Vector128">Whether <see cref="System.Runtime.Intrinsics.Vector128"/> is accelerated (2 doubles).</param>
/// <param name="Vector256">Whether <see cref="System.Runtime.Intrinsics.Vector256"/> is accelerated (4 doubles).</param>
/// <param name="Vector512">Whether <see cref="System.Runtime.Intrinsics.Vector512"/> is accelerated (8 doubles).</param>
/// <remarks>
/// Without hardware vectors the JIT computes a vector's lanes one after another, slower than scalar code, so the
/// engines then replay one point at a time. Tests pass other values to reach every width on one machine.
/// </remarks>
internal sealed record VectorHardware(bool Vector128, bool Vector256, bool Vector512)
{
    /// <summary>What this processor has.</summary>
    public static VectorHardware Current { get; } = new(
        System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated,
        System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated,
        System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated);

    /// <summary>A processor without vectors: every replay takes one point.</summary>
    public static VectorHardware None { get; } = new(false, false, false);

    /// <summary>The most points per replay, at most <paramref name="maxLanes"/>, that a hardware vector holds; 1 when none fits.</summary>
    /// <param name="maxLanes">The most lanes wanted, at least 1.</param>
    /// <returns>1, 2, 4 or 8.</returns>
    public int Lanes(int maxLanes) =>
        maxLanes >= 8 && Vector512 ? 8
        : maxLanes >= 4 && Vector256 ? 4
        : maxLanes >= 2 && Vector128 ? 2
        : 1;
}
