using System.Globalization;

using MiniTorch.Runs;

namespace MiniTorch.Cli.Commands;

/// <summary>
/// The check <c>minitorch bench</c> makes before it reports any time: the implementations trained the same network.
/// The graph engine and every tape engine (interpreted, compiled, tiered, on any number of threads) must end with the
/// same loss and parameters bit for bit; the hand-written baseline, whose results may differ in the sign of a zero,
/// within a relative 10⁻¹² of the graph's loss.
/// </summary>
internal static class BenchAgreement
{
    /// <summary>The largest relative difference allowed between the baseline's final loss and the graph's.</summary>
    public const double BaselineTolerance = 1e-12;

    /// <summary>The relative difference |a − b| / max(|a|, |b|), 0 when both are 0 (NaN when either is NaN).</summary>
    /// <param name="a">One value.</param>
    /// <param name="b">The other.</param>
    /// <returns>The difference relative to the larger magnitude.</returns>
    public static double RelativeDifference(double a, double b) =>
        a.Equals(b) ? 0.0 : Math.Abs(a - b) / Math.Max(Math.Abs(a), Math.Abs(b));

    /// <summary>Compares the final states; returns what disagrees, or <see langword="null"/> when they agree.</summary>
    /// <param name="graph">The reference engine's final loss and parameters (the graph engine's, or the tape's where the graph would take too long).</param>
    /// <param name="tape">The engine compared with it.</param>
    /// <param name="baselineLoss">The hand-written baseline's final loss.</param>
    /// <param name="tapeName">The compared engine's name in the message: tape, tape x2 for the threaded one, auto, …</param>
    /// <param name="referenceName">The reference engine's name in the message.</param>
    /// <returns>A one-line message naming the first difference, or <see langword="null"/>.</returns>
    public static string? Problem(
        (double Loss, double[] Parameters) graph, (double Loss, double[] Parameters) tape, double baselineLoss, string tapeName = TrainingEngines.Tape, string referenceName = TrainingEngines.Graph)
    {
        ArgumentNullException.ThrowIfNull(graph.Parameters);
        ArgumentNullException.ThrowIfNull(tape.Parameters);
        if (!Identical(graph.Loss, tape.Loss))
        {
            return Invariant($"engines disagree: {referenceName} ends at loss {graph.Loss:R} but {tapeName} at {tape.Loss:R}; they must be identical bit for bit");
        }

        for (var k = 0; k < graph.Parameters.Length; k++)
        {
            if (!Identical(graph.Parameters[k], tape.Parameters[k]))
            {
                return Invariant($"engines disagree: {referenceName} and {tapeName} end with parameter {k} at {graph.Parameters[k]:R} and {tape.Parameters[k]:R}; they must be identical bit for bit");
            }
        }

        var difference = RelativeDifference(baselineLoss, graph.Loss);
        return difference <= BaselineTolerance
            ? null
            : Invariant($"engines disagree: hand-written ends at loss {baselineLoss:R} but {referenceName} at {graph.Loss:R}, a relative difference of {difference:G3} (at most {BaselineTolerance:G} allowed)");
    }

    private static bool Identical(double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
