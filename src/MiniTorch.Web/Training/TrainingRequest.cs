using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace MiniTorch.Web.Training;

/// <summary>
/// The settings of a training as the page sends them; a missing field takes the value <c>minitorch train</c> uses by
/// default. <see cref="Check"/> applies the sandbox's ranges, which are narrower than the command's, so that a page
/// stays responsive.
/// </summary>
/// <param name="Dataset">simple, diag, split, xor, circle or spiral (any case).</param>
/// <param name="Points">2 to 150.</param>
/// <param name="Hidden">1 to 200.</param>
/// <param name="Rate">0.001 to 5.</param>
/// <param name="Epochs">1 to 100,000.</param>
/// <param name="Seed">Any unsigned 64-bit number.</param>
/// <param name="Engine">tape (the default) or graph.</param>
internal sealed record TrainingRequest(
    string? Dataset = null, int? Points = null, int? Hidden = null, double? Rate = null, int? Epochs = null, ulong? Seed = null,
    string? Engine = null)
{
    /// <summary>The fewest points.</summary>
    public const int MinPoints = 2;

    /// <summary>The most points.</summary>
    public const int MaxPoints = 150;

    /// <summary>The largest hidden width.</summary>
    public const int MaxHidden = 200;

    /// <summary>The smallest learning rate.</summary>
    public const double MinRate = 0.001;

    /// <summary>The largest learning rate.</summary>
    public const double MaxRate = 5;

    /// <summary>The most epochs.</summary>
    public const int MaxEpochs = 100_000;

    /// <summary>Checks every field and builds the settings.</summary>
    /// <returns>The settings and the engine's name, or the 400 result naming the first field out of range.</returns>
    public (TrainingSetup? Setup, IResult? Problem) Check()
    {
        var dataset = Dataset ?? "xor";
        if (!Datasets.Names.Any(n => string.Equals(n, dataset, StringComparison.OrdinalIgnoreCase)))
        {
            return Refuse("dataset", $"must be one of {string.Join(", ", Datasets.Names.Select(n => n.ToLowerInvariant()))}");
        }

        var points = Points ?? 50;
        var hidden = Hidden ?? 10;
        var rate = Rate ?? 0.5;
        var epochs = Epochs ?? 500;
        var engine = (Engine ?? TrainingSetup.Tape).ToLowerInvariant();
        return points is < MinPoints or > MaxPoints ? Refuse("points", Invariant($"must be {MinPoints} to {MaxPoints}"))
            : hidden is < 1 or > MaxHidden ? Refuse("hidden", Invariant($"must be 1 to {MaxHidden}"))
            : !(rate >= MinRate && rate <= MaxRate) ? Refuse("rate", Invariant($"must be {MinRate} to {MaxRate}"))
            : epochs is < 1 or > MaxEpochs ? Refuse("epochs", Invariant($"must be 1 to {MaxEpochs}"))
            : engine is not (TrainingSetup.Tape or TrainingSetup.Graph) ? Refuse("engine", $"must be {TrainingSetup.Tape} or {TrainingSetup.Graph}")
            : (new TrainingSetup(new TrainingSettings(dataset, points, hidden, rate, epochs, Seed ?? 1), engine), null);
    }

    private static (TrainingSetup?, IResult?) Refuse(string field, string message) => (null, RequestBody.Invalid(field, message));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
