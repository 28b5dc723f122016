using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MiniTorch;

/// <summary>
/// Adds the per-lane gradients of a replay of several points to running sums, point after point: for each sum, one
/// IEEE addition per point in lane order, exactly the additions a replay of one point at a time makes.
/// </summary>
/// <remarks>
/// The gradients lie slot-major (input i of lane l at i · lanes + l), the sums input by input. Where the processor has
/// them, four inputs are taken at once: their lanes are transposed in registers so that the vector of lane l holds
/// the four inputs' gradients of point l, and the vectors are added to the four sums lane after lane; elsewhere, and
/// for the inputs left over, one input at a time.
/// </remarks>
internal static class LaneSums
{
    /// <summary>sumsᵢ += valuesᵢ·lanes + l for l = 0, 1, …, <paramref name="points"/> − 1, in that order, for every i.</summary>
    /// <param name="sums">The running sums.</param>
    /// <param name="values">The gradients, <paramref name="lanes"/> per sum.</param>
    /// <param name="lanes">How many lanes each input has.</param>
    /// <param name="points">How many of the lanes, from lane 0, hold points.</param>
    public static void AddInLaneOrder(Span<double> sums, ReadOnlySpan<double> values, int lanes, int points)
    {
        var i = 0;
        if (Avx.IsSupported && lanes is 4 or 8)
        {
            ref var value = ref MemoryMarshal.GetReference(values);
            ref var sum = ref MemoryMarshal.GetReference(sums);
            for (; i <= sums.Length - 4; i += 4)
            {
                var total = Vector256.LoadUnsafe(ref sum, (nuint)i);
                for (var half = 0; half < lanes && half < points; half += 4)
                {
                    total = AddFourLanes(total, ref Unsafe.Add(ref value, (i * lanes) + half), lanes, points - half);
                }

                total.StoreUnsafe(ref sum, (nuint)i);
            }
        }

        for (; i < sums.Length; i++)
        {
            var total = sums[i];
            for (var lane = 0; lane < points; lane++)
            {
                total += values[(i * lanes) + lane];
            }

            sums[i] = total;
        }
    }

    // Four inputs' lanes 0 to 3 of the block that starts at `first` (input k's at first + k · lanes), added lane after
    // lane, at most `points` of them. Inlined, so that the vectors stay in registers.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> AddFourLanes(Vector256<double> total, ref double first, int lanes, int points)
    {
        var r0 = Vector256.LoadUnsafe(ref first);
        var r1 = Vector256.LoadUnsafe(ref first, (nuint)lanes);
        var r2 = Vector256.LoadUnsafe(ref first, (nuint)(2 * lanes));
        var r3 = Vector256.LoadUnsafe(ref first, (nuint)(3 * lanes));
        var low01 = Avx.UnpackLow(r0, r1);
        var high01 = Avx.UnpackHigh(r0, r1);
        var low23 = Avx.UnpackLow(r2, r3);
        var high23 = Avx.UnpackHigh(r2, r3);
        total += Avx.Permute2x128(low01, low23, 0x20);
        if (points > 1)
        {
            total += Avx.Permute2x128(high01, high23, 0x20);
        }

        if (points > 2)
        {
            total += Avx.Permute2x128(low01, low23, 0x31);
        }

        if (points > 3)
        {
            total += Avx.Permute2x128(high01, high23, 0x31);
        }

        return total;
    }
}
