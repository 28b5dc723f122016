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
/// <param name="Hidden">1 to 200: the width of MiniTorch's two layers, when <paramref name="Widths"/> is not given.</param>
/// <param name="Widths">1 to 4 hidden layers' widths, each 1 to 200, instead of <paramref name="Hidden"/>.</param>
/// <param name="Activation">relu, tanh or sigmoid.</param>
/// <param name="Rate">0.001 to 5.</param>
/// <param name="Epochs">1 to 100,000.</param>
/// <param name="Seed">Any unsigned 64-bit number.</param>
/// <param name="Engine"><see cref="TrainingEngines.Default"/> or <see cref="TrainingEngines.Graph"/>.</param>
/// <param name="Csv">
/// With dataset <see cref="OwnPoints"/> only: your points as the text of a CSV file that <c>minitorch train --data</c>
/// reads, read by <see cref="PointsCsv.Read"/>; <paramref name="Points"/> and <paramref name="Noise"/> are then not used.
/// </param>
/// <param name="Batch">Points per step, 1 or more; none for MiniTorch's one step per epoch.</param>
/// <param name="L2">λ, 0 to 1.</param>
/// <param name="Noise">0 to 0.5.</param>
/// <param name="Test">The share of the points held out for testing, 0 to 0.9.</param>
/// <param name="Pace">How fast the epochs go: one of <see cref="TrainingPace.Names"/>; <see cref="TrainingPace.Max"/> when not given.</param>
/// <param name="RunOn">Whether play goes on past the epochs until paused (the page's play), rather than stopping there as the command does.</param>
internal sealed record TrainingRequest(
    string? Dataset = null, int? Points = null, int? Hidden = null, int[]? Widths = null, string? Activation = null, double? Rate = null,
    int? Epochs = null, ulong? Seed = null, string? Engine = null, string? Csv = null, int? Batch = null, double? L2 = null, double? Noise = null,
    double? Test = null, string? Pace = null, bool RunOn = false)
{
    /// <summary>The dataset value for your own points, sent in <see cref="Csv"/>.</summary>
    public const string OwnPoints = "points";

    /// <summary>The name of your own points in messages and pictures.</summary>
    public const string OwnPointsName = "your points";

    /// <summary>The file name the equivalent command gives your own points.</summary>
    public const string OwnPointsFile = "points.csv";

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

    /// <summary>The largest L2 regularisation.</summary>
    public const double MaxL2 = 1;

    /// <summary>The most parameters a network of the page may have: those of MiniTorch's network of width <see cref="MaxHidden"/>.</summary>
    public static long MaxParameters { get; } = Network.ParameterCount(MaxHidden);

    /// <summary>The engines the page offers: the default, and the graph engine that the learner's code runs.</summary>
    // course: replace with public static IReadOnlyList<string> Engines { get; } = [TrainingEngines.Graph];
    public static IReadOnlyList<string> Engines { get; } = [TrainingEngines.Default, TrainingEngines.Graph];
    // course: end

    /// <summary>Checks every field and builds the plan.</summary>
    /// <returns>The plan and the equivalent command, or the 400 result naming the first field out of range.</returns>
    public (TrainingPlan? Plan, string? Command, IResult? Problem) Check()
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
        var widths = Widths ?? [Hidden ?? defaults.Hidden, Hidden ?? defaults.Hidden];
        var activation = Activation ?? NetworkShape.Relu;
        var rate = Rate ?? defaults.LearningRate;
        var epochs = Epochs ?? defaults.Epochs;
        var seed = Seed ?? defaults.Seed;
        var engine = (Engine ?? TrainingEngines.Default).ToLowerInvariant();
        var l2 = L2 ?? 0;
        var noise = Noise ?? 0;
        var test = Test ?? 0;
        var problem = points is < MinPoints or > MaxPoints ? RequestBody.Invalid("points", Invariant($"must be {MinPoints} to {MaxPoints}"))
            : Hidden is not null && Widths is not null ? RequestBody.Invalid("widths", "replaces hidden: send one of them")
            : widths.Length is 0 or > NetworkShape.MaxLayers ? RequestBody.Invalid("widths", Invariant($"must list 1 to {NetworkShape.MaxLayers} widths, one per hidden layer"))
            : widths.Any(w => w is < 1 or > MaxHidden) ? RequestBody.Invalid(Widths is null ? "hidden" : "widths", Invariant($"must be 1 to {MaxHidden}"))
            : !NetworkShape.Activations.Contains(activation) ? RequestBody.Invalid("activation", $"must be {string.Join(", ", NetworkShape.Activations)}")
            : new NetworkShape(widths).ParameterCount > MaxParameters ? RequestBody.Invalid("widths", Invariant($"give a network of {new NetworkShape(widths).ParameterCount} parameters; the page trains at most {MaxParameters}, those of hidden {MaxHidden}"))
            : !(rate >= MinRate && rate <= MaxRate) ? RequestBody.Invalid("rate", Invariant($"must be {MinRate} to {MaxRate}"))
            : epochs is < 1 or > MaxEpochs ? RequestBody.Invalid("epochs", Invariant($"must be 1 to {MaxEpochs}"))
            : !Engines.Contains(engine) ? RequestBody.Invalid("engine", $"must be {string.Join(" or ", Engines)}")
            : Batch is < 1 ? RequestBody.Invalid("batch", "must be at least 1")
            : !(l2 >= 0 && l2 <= MaxL2) ? RequestBody.Invalid("l2", Invariant($"must be 0 to {MaxL2}"))
            : !(noise >= 0 && noise <= NoisyPoints.MaxNoise) ? RequestBody.Invalid("noise", Invariant($"must be 0 to {NoisyPoints.MaxNoise}"))
            : !(test >= 0 && test <= TestSplit.MaxShare) ? RequestBody.Invalid("test", Invariant($"must be 0 to {TestSplit.MaxShare}"))
            : Pace is not null && !TrainingPace.Names.Contains(Pace) ? RequestBody.Invalid("pace", $"must be {string.Join(", ", TrainingPace.Names)}")
            : null;
        if (problem is not null)
        {
            return (null, null, problem);
        }

        var shape = new NetworkShape(widths, activation);
        if (own)
        {
            return ReadOwnPoints(shape, rate, epochs, seed, engine, l2, test);
        }

        var settings = new TrainingSettings(dataset, points, widths[0], rate, epochs, seed) { Shape = shape, BatchSize = Batch, L2 = l2, Noise = noise, TestShare = test };
        return (TrainingPlan.Of(settings, engine), TrainCommandLine.Of(settings, engine), null);
    }

    // A points file's problem names its line, in the message and as the "line" extension, for the page to show.
    private (TrainingPlan?, string?, IResult?) ReadOwnPoints(NetworkShape shape, double rate, int epochs, ulong seed, string engine, double l2, double test)
    {
        if (Noise is > 0)
        {
            return Refuse("noise", "moves the points of a built-in dataset; your points are trained as they are");
        }

        if (string.IsNullOrWhiteSpace(Csv))
        {
            return Refuse("csv", $"is empty: paste or upload lines x1,x2,label such as 0.25,0.75,1 (header {PointsCsv.Header} optional)");
        }

        try
        {
            var (train, held) = TestSplit.Of(PointsCsv.Read(new StringReader(Csv), OwnPointsName), test, seed);
            var plan = new TrainingPlan(train, shape, rate, epochs, seed, Recorded: null, engine) { Test = held, BatchSize = Batch, L2 = l2 };
            return (plan, TrainCommandLine.OfPoints(OwnPointsFile, shape, rate, Batch, l2, epochs, seed, test, engine), null);
        }
        catch (PointsCsvException problem)
        {
            return (null, null, TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["csv"] = [problem.Message] },
                detail: problem.Message,
                title: "The points are not valid.",
                extensions: new Dictionary<string, object?> { ["line"] = problem.Line }));
        }
    }

    private static (TrainingPlan?, string?, IResult?) Refuse(string field, string message) => (null, null, RequestBody.Invalid(field, message));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
