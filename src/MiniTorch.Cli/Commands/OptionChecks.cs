using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;
using MiniTorch.Expressions;
using MiniTorch.Runs;

namespace MiniTorch.Cli.Commands;

/// <summary>The value rules shared by the commands; each failure is a <see cref="UsageException"/> with a one-line message.</summary>
internal static class OptionChecks
{
    /// <summary>The fewest points a command accepts.</summary>
    public const int MinPoints = 2;

    /// <summary>The most points a command accepts.</summary>
    public const int MaxPoints = 100_000;

    /// <summary>The smallest hidden width.</summary>
    public const int MinHidden = 1;

    /// <summary>The largest hidden width.</summary>
    public const int MaxHidden = 1000;

    /// <summary>The fewest threads <c>--threads</c> accepts.</summary>
    public const int MinThreads = 1;

    /// <summary>The most threads <c>--threads</c> accepts.</summary>
    // course: replace with public const int MaxThreads = MinThreads;
    public const int MaxThreads = ParallelTapeEngine.MaxThreads;
    // course: end

    // course: replace with private const string OneThreadOnly = "--threads must be 1 in the course, whose graph engine trains on one thread";
    // course: end

    /// <summary>Checks a dataset name with the library's rule (<see cref="Datasets.CanonicalName"/>).</summary>
    /// <param name="name">The name given, any case.</param>
    /// <returns>The name as spelled in <see cref="Datasets.Names"/>.</returns>
    public static string Dataset(string name)
    {
        try
        {
            return Datasets.CanonicalName(name);
        }
        catch (ArgumentException problem)
        {
            throw new UsageException($"unknown dataset '{name}'; valid names: {string.Join(", ", Datasets.Names.Select(n => n.ToLowerInvariant()))}", problem);
        }
    }

    /// <summary>Checks --engine and --threads together (the threads already in range, see <see cref="Threads"/>).</summary>
    /// <param name="name">The engine's name given, any case.</param>
    /// <param name="threads">The value of --threads.</param>
    /// <returns>The engine's name as <see cref="TrainingEngines.Names"/> spells it.</returns>
    /// <remarks>
    /// --threads above 1 with the graph engine is refused rather than ignored: the graph engine has no threaded form, and
    /// a silently ignored option would mislead.
    /// </remarks>
    public static string Engine(string name, int threads)
    {
        var engine = TrainingEngines.Names.FirstOrDefault(known => string.Equals(name, known, StringComparison.OrdinalIgnoreCase))
            ?? throw new UsageException($"unknown engine '{name}'; valid engines: {string.Join(", ", TrainingEngines.Names)}");
        return engine == TrainingEngines.Graph && threads > 1
            ? throw new UsageException(Invariant($"--threads {threads} needs --engine {string.Join(" or ", TrainingEngines.Names.Where(n => n != TrainingEngines.Graph))}; the graph engine runs on one thread"))
            : engine;
    }

    /// <summary>Checks --points: 2 to 100000.</summary>
    /// <param name="points">The value given.</param>
    /// <returns><paramref name="points"/>.</returns>
    public static int Points(int points) => InRange("--points", points, MinPoints, MaxPoints);

    /// <summary>Checks --hidden: each width 1 to 1000.</summary>
    /// <param name="widths">The widths given, one or one per hidden layer.</param>
    /// <returns><paramref name="widths"/>.</returns>
    public static int[] Hidden(int[] widths)
    {
        foreach (var width in widths)
        {
            InRange("--hidden", width, MinHidden, MaxHidden);
        }

        return widths;
    }

    /// <summary>
    /// Builds the network's shape from --hidden, --layers and --activation: one width is the width of each of
    /// <paramref name="layers"/> layers (MiniTorch's two unless given), a list gives each layer's width and cannot be
    /// combined with --layers. At most <see cref="MaxParameters"/> parameters.
    /// </summary>
    /// <param name="widths">The widths of --hidden, in range (see <see cref="Hidden"/>).</param>
    /// <param name="layers">The value of --layers, or <see langword="null"/> when it was not given.</param>
    /// <param name="activation">The value of --activation, any case.</param>
    /// <returns>The shape.</returns>
    public static NetworkShape Shape(int[] widths, int? layers, string activation)
    {
        if (layers is { } count)
        {
            InRange("--layers", count, 1, NetworkShape.MaxLayers);
            if (widths.Length > 1)
            {
                throw new UsageException("--layers cannot be combined with a list of widths in --hidden: the list gives the layers");
            }
        }

        if (widths.Length > NetworkShape.MaxLayers)
        {
            throw new UsageException(Invariant($"--hidden lists {widths.Length} widths, but a network has 1 to {NetworkShape.MaxLayers} hidden layers"));
        }

        var name = NetworkShape.Activations.FirstOrDefault(known => string.Equals(activation, known, StringComparison.OrdinalIgnoreCase))
            ?? throw new UsageException($"unknown activation '{TextExcerpt.Shorten(activation)}'; valid activations: {string.Join(", ", NetworkShape.Activations)}");
        var shape = new NetworkShape(widths.Length > 1 ? widths : Enumerable.Repeat(widths[0], layers ?? 2), name);
        return shape.ParameterCount <= MaxParameters
            ? shape
            : throw new UsageException(Invariant($"a network of hidden widths {shape.WidthsText} has {shape.ParameterCount} parameters; the most is {MaxParameters}, as many as MiniTorch's network of width {MaxHidden}"));
    }

    /// <summary>The most parameters a network may have: those of MiniTorch's network of width <see cref="MaxHidden"/>.</summary>
    public static long MaxParameters => Network.ParameterCount(MaxHidden);

    /// <summary>Checks --batch: at least 1 (a batch of all the training points, or more, is MiniTorch's step).</summary>
    /// <param name="batch">The value given, or <see langword="null"/> when the option was not given.</param>
    /// <returns><paramref name="batch"/>.</returns>
    public static int? Batch(int? batch) => batch is { } size ? AtLeastOne("--batch", size) : null;

    /// <summary>Checks --l2 with the library's rule (<see cref="TrainingSettings.ThrowIfInvalidL2"/>): a finite number of at least 0.</summary>
    /// <param name="l2">The value given.</param>
    /// <returns><paramref name="l2"/>.</returns>
    public static double L2(double l2) =>
        l2 >= 0 ? l2 : throw new UsageException(Invariant($"--l2 must be a number of at least 0 (got {l2})"));

    /// <summary>Checks --noise: 0 to <see cref="NoisyPoints.MaxNoise"/>.</summary>
    /// <param name="noise">The value given.</param>
    /// <returns><paramref name="noise"/>.</returns>
    public static double Noise(double noise) =>
        noise is >= 0 and <= NoisyPoints.MaxNoise
            ? noise
            : throw new UsageException(Invariant($"--noise must be from 0 to {NoisyPoints.MaxNoise}, the share of the square a point may move by (got {noise})"));

    /// <summary>Checks --test: 0 to <see cref="TestSplit.MaxShare"/>.</summary>
    /// <param name="share">The value given.</param>
    /// <returns><paramref name="share"/>.</returns>
    public static double TestShare(double share) =>
        share is >= 0 and <= TestSplit.MaxShare
            ? share
            : throw new UsageException(Invariant($"--test must be from 0 to {TestSplit.MaxShare}, the share of the points held out for testing (got {share})"));

    /// <summary>
    /// Reads --hidden: one whole number, or whole numbers separated by commas (one per hidden layer), each by the rule
    /// of <see cref="ParseWholeNumber{T}"/>.
    /// </summary>
    /// <param name="result">The option's argument.</param>
    /// <returns>The widths, or [0] after adding the error to <paramref name="result"/>.</returns>
    public static int[] ParseWidths(ArgumentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        if (!text.Contains(',', StringComparison.Ordinal))
        {
            return [ParseWholeNumber<int>(result, Invariant($"between {MinHidden} and {MaxHidden}"))];
        }

        var widths = new List<int>();
        foreach (var entry in text.Split(','))
        {
            if (!int.TryParse(entry, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var width))
            {
                result.AddError(Invariant($"{OptionName(result)} must be whole numbers between {MinHidden} and {MaxHidden} separated by commas, one per hidden layer, such as 16,8 (got '{TextExcerpt.Shorten(text)}')"));
                return [0];
            }

            widths.Add(width);
        }

        return [.. widths];
    }

    /// <summary>Checks --threads: <see cref="MinThreads"/> to <see cref="MaxThreads"/>.</summary>
    /// <param name="threads">The value given.</param>
    /// <returns><paramref name="threads"/>.</returns>
    // course: replace with public static int Threads(int threads) => threads == MinThreads ? threads : throw new UsageException(Invariant($"{OneThreadOnly} (got {threads})"));
    public static int Threads(int threads) => InRange("--threads", threads, MinThreads, MaxThreads);
    // course: end

    /// <summary>
    /// Reads a whole-number option by the one rule for whole numbers on the command line: ASCII digits with an optional
    /// sign and nothing else, whatever the machine's culture, so that <c>1,5</c>, <c>1 000</c> or <c>0x10</c> is refused
    /// rather than read as some other number. The option's own check (for example <see cref="Points"/>) then applies
    /// its range.
    /// </summary>
    /// <typeparam name="T">The number's type: <see cref="int"/> or <see cref="ulong"/>.</typeparam>
    /// <param name="result">The option's argument.</param>
    /// <param name="allowed">The values allowed, for the message: <c>between 2 and 100000</c>.</param>
    /// <returns>The number given, or the type's default after adding the error to <paramref name="result"/>.</returns>
    public static T ParseWholeNumber<T>(ArgumentResult result, string allowed)
        where T : struct, IBinaryInteger<T>
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        if (T.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        result.AddError($"{OptionName(result)} must be a whole number {allowed} (got '{TextExcerpt.Shorten(text)}')");
        return default;
    }

    /// <summary>
    /// Reads a decimal option by the one rule for numbers a user types (<see cref="DecimalNumber"/>, as in expressions
    /// and <c>--at</c>): finite decimal numbers with a dot, such as <c>0.5</c> or <c>1e-3</c>; no commas, no words.
    /// </summary>
    /// <param name="result">The option's argument.</param>
    /// <returns>The number given, or 0 after adding the error to <paramref name="result"/>.</returns>
    public static double ParseDecimal(ArgumentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        try
        {
            return DecimalNumber.Parse(text);
        }
        catch (ExpressionException problem)
        {
            result.AddError($"{OptionName(result)} '{TextExcerpt.Shorten(text)}': {problem.Reason}: {problem.Hint}");
            return 0;
        }
    }

    /// <summary>Checks --epochs: at least 1.</summary>
    /// <param name="epochs">The value given.</param>
    /// <returns><paramref name="epochs"/>.</returns>
    public static int Epochs(int epochs) => AtLeastOne("--epochs", epochs);

    /// <summary>Checks --repeat: at least 1.</summary>
    /// <param name="repeat">The value given.</param>
    /// <returns><paramref name="repeat"/>.</returns>
    public static int Repeat(int repeat) => AtLeastOne("--repeat", repeat);

    /// <summary>Checks --rate with the library's rule (<see cref="Sgd.IsValidLearningRate"/>): a positive finite number.</summary>
    /// <param name="rate">The value given.</param>
    /// <returns><paramref name="rate"/>.</returns>
    public static double Rate(double rate) =>
        Sgd.IsValidLearningRate(rate)
            ? rate
            : throw new UsageException(Invariant($"--rate must be a positive finite number (got {rate})"));

    /// <summary>Creates the output folder if needed and checks that a file can be written in it.</summary>
    /// <param name="folder">The folder given with --out (or the default).</param>
    /// <returns>The folder.</returns>
    public static string WritableFolder(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".write-test-{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return folder;
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"cannot write to --out '{folder}': {problem.Message}", problem);
        }
    }

    private static string OptionName(ArgumentResult result) => result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;

    private static int AtLeastOne(string option, int value) =>
        value >= 1 ? value : throw new UsageException(Invariant($"{option} must be at least 1 (got {value})"));

    private static int InRange(string option, int value, int min, int max) =>
        value >= min && value <= max
            ? value
            : throw new UsageException(Invariant($"{option} must be between {min} and {max} (got {value})"));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
