using System.Globalization;
using Microsoft.AspNetCore.Http;
using MiniTorch.Runs;

namespace MiniTorch.Web.Training;

/// <summary>
/// The settings of a training as the page sends them; a missing field takes the value of
/// <see cref="TrainingSettings.Default"/>, as <c>minitorch train</c> does. <see cref="Check"/> applies the sandbox's
/// ranges, which are narrower than the command's, so that a page stays responsive.
/// </summary>
/// <param name="Dataset">simple, diag, split, xor, circle or spiral (any case), or <see cref="OwnPoints"/> for <paramref name="Csv"/>.</param>
/// <param name="Points">2 to 150.</param>
/// <param name="Hidden">1 to 200.</param>
/// <param name="Rate">0.001 to 5.</param>
/// <param name="Epochs">1 to 100,000.</param>
/// <param name="Seed">Any unsigned 64-bit number.</param>
/// <param name="Engine"><see cref="TrainingEngines.Default"/> or <see cref="TrainingEngines.Graph"/>.</param>
/// <param name="Csv">
/// With dataset <see cref="OwnPoints"/> only: your points as the text of a CSV file that <c>minitorch train --data</c>
/// reads, read by <see cref="PointsCsv.Read"/>; <paramref name="Points"/> is then not used.
/// </param>
internal sealed record TrainingRequest(
    string? Dataset = null, int? Points = null, int? Hidden = null, double? Rate = null, int? Epochs = null, ulong? Seed = null,
    string? Engine = null, string? Csv = null)
{
    /// <summary>The dataset value for your own points, sent in <see cref="Csv"/>.</summary>
    public const string OwnPoints = "points";

    /// <summary>The name of your own points in messages and pictures.</summary>
    public const string OwnPointsName = "your points";

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

    /// <summary>The engines the page offers: the default, and the graph engine that the learner's code runs.</summary>
    // course: replace with public static IReadOnlyList<string> Engines { get; } = [TrainingEngines.Graph];
    public static IReadOnlyList<string> Engines { get; } = [TrainingEngines.Default, TrainingEngines.Graph];
    // course: end

    /// <summary>Checks every field and builds the plan.</summary>
    /// <returns>The plan, or the 400 result naming the first field out of range.</returns>
    public (TrainingPlan? Plan, IResult? Problem) Check()
    {
        var defaults = TrainingSettings.Default;
        var dataset = Dataset ?? defaults.Dataset;
        var own = string.Equals(dataset, OwnPoints, StringComparison.OrdinalIgnoreCase);
        if (!own && !Datasets.Names.Any(n => string.Equals(n, dataset, StringComparison.OrdinalIgnoreCase)))
        {
            return Refuse("dataset", $"must be one of {string.Join(", ", Datasets.Names.Select(n => n.ToLowerInvariant()))} or {OwnPoints}");
        }

        if (!own && Csv is not null)
        {
            return Refuse("csv", $"is read only with dataset {OwnPoints}");
        }

        var points = Points ?? defaults.Points;
        var hidden = Hidden ?? defaults.Hidden;
        var rate = Rate ?? defaults.LearningRate;
        var epochs = Epochs ?? defaults.Epochs;
        var seed = Seed ?? defaults.Seed;
        var engine = (Engine ?? TrainingEngines.Default).ToLowerInvariant();
        return points is < MinPoints or > MaxPoints ? Refuse("points", Invariant($"must be {MinPoints} to {MaxPoints}"))
            : hidden is < 1 or > MaxHidden ? Refuse("hidden", Invariant($"must be 1 to {MaxHidden}"))
            : !(rate >= MinRate && rate <= MaxRate) ? Refuse("rate", Invariant($"must be {MinRate} to {MaxRate}"))
            : epochs is < 1 or > MaxEpochs ? Refuse("epochs", Invariant($"must be 1 to {MaxEpochs}"))
            : !Engines.Contains(engine) ? Refuse("engine", $"must be {string.Join(" or ", Engines)}")
            : own ? ReadOwnPoints(hidden, rate, epochs, seed, engine)
            : (TrainingPlan.Of(new TrainingSettings(dataset, points, hidden, rate, epochs, seed), engine), null);
    }

    // A points file's problem names its line, in the message and as the "line" extension, for the page to show.
    private (TrainingPlan?, IResult?) ReadOwnPoints(int hidden, double rate, int epochs, ulong seed, string engine)
    {
        if (string.IsNullOrWhiteSpace(Csv))
        {
            return Refuse("csv", $"is empty: paste or upload lines x1,x2,label such as 0.25,0.75,1 (header {PointsCsv.Header} optional)");
        }

        try
        {
            var data = PointsCsv.Read(new StringReader(Csv), OwnPointsName);
            return (new TrainingPlan(data, hidden, rate, epochs, seed, Recorded: null, engine), null);
        }
        catch (PointsCsvException problem)
        {
            return (null, TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["csv"] = [problem.Message] },
                detail: problem.Message,
                title: "The points are not valid.",
                extensions: new Dictionary<string, object?> { ["line"] = problem.Line }));
        }
    }

    private static (TrainingPlan?, IResult?) Refuse(string field, string message) => (null, RequestBody.Invalid(field, message));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
