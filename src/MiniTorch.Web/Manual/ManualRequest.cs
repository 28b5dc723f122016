using System.Globalization;
using Microsoft.AspNetCore.Http;
using MiniTorch.Runs;
using MiniTorch.Web.Training;

namespace MiniTorch.Web.Manual;

/// <summary>
/// What the Task 0.5 tab sends: a built-in dataset (its points and seed, as the Training tab's settings) and the three
/// parameters set by hand. A missing field takes its value from <see cref="Defaults"/>.
/// </summary>
/// <param name="Dataset">simple, diag, split, xor, circle or spiral (any case).</param>
/// <param name="Points"><see cref="TrainingRequest.MinPoints"/> to <see cref="TrainingRequest.MaxPoints"/>.</param>
/// <param name="Seed">Any unsigned 64-bit number.</param>
/// <param name="W1">w₁, the weight of x₁: finite, at most <see cref="MaxParameter"/> in size.</param>
/// <param name="W2">w₂, the weight of x₂: the same range.</param>
/// <param name="B">b, the bias: the same range.</param>
internal sealed record ManualRequest(string? Dataset = null, int? Points = null, ulong? Seed = null, double? W1 = null, double? W2 = null, double? B = null)
{
    /// <summary>The largest size of a parameter: far past the steepest boundary a picture can show.</summary>
    public const double MaxParameter = 100;

    /// <summary>
    /// The values when none is given: Simple with the Training tab's points and seed, and the line x₁ + x₂ = 1 with
    /// class 1 above it, which splits neither Simple nor Diag: the learner's work is to move it.
    /// </summary>
    public static ManualRequest Defaults { get; } =
        new("simple", TrainingSettings.Default.Points, TrainingSettings.Default.Seed, 1.0, 1.0, -1.0);

    /// <summary>Checks every field and builds the dataset and the classifier.</summary>
    /// <returns>Both, or the 400 result naming the first field out of range.</returns>
    public (Dataset? Data, ManualClassifier? Classifier, IResult? Problem) Check()
    {
        var dataset = Dataset ?? Defaults.Dataset!;
        if (!MiniTorch.Datasets.Names.Any(n => string.Equals(n, dataset, StringComparison.OrdinalIgnoreCase)))
        {
            return Refuse("dataset", $"must be one of {string.Join(", ", MiniTorch.Datasets.Names.Select(n => n.ToLowerInvariant()))}");
        }

        var points = Points ?? Defaults.Points!.Value;
        if (points is < TrainingRequest.MinPoints or > TrainingRequest.MaxPoints)
        {
            return Refuse("points", Invariant($"must be {TrainingRequest.MinPoints} to {TrainingRequest.MaxPoints}"));
        }

        var w1 = W1 ?? Defaults.W1!.Value;
        var w2 = W2 ?? Defaults.W2!.Value;
        var b = B ?? Defaults.B!.Value;
        foreach (var (field, value) in new[] { ("w1", w1), ("w2", w2), ("b", b) })
        {
            if (!(Math.Abs(value) <= MaxParameter))
            {
                return Refuse(field, Invariant($"must be a number from {-MaxParameter} to {MaxParameter}"));
            }
        }

        return (MiniTorch.Datasets.Create(dataset, points, Seed ?? Defaults.Seed!.Value), new ManualClassifier(w1, w2, b), null);
    }

    private static (Dataset?, ManualClassifier?, IResult?) Refuse(string field, string message) => (null, null, RequestBody.Invalid(field, message));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
