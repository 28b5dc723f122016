using System.CommandLine;
using System.Globalization;
using MiniTorch.Runs;

namespace MiniTorch.Cli.Commands;

/// <summary>
/// The options that several commands share, each defined once: its name, its help text (with the allowed range from
/// <see cref="OptionChecks"/>), its default and its parser. A command passes what differs: what the value is for and
/// its default. Every number is read by one of two rules, whatever the machine's culture:
/// <see cref="OptionChecks.ParseWholeNumber{T}"/> or <see cref="OptionChecks.ParseDecimal"/>.
/// </summary>
internal static class CommonOptions
{
    /// <summary><c>--dataset NAME</c>.</summary>
    /// <param name="description">The help text: which names are allowed and what happens without the option.</param>
    /// <param name="defaultName">The dataset used when the option is absent, or <see langword="null"/> for none.</param>
    /// <returns>The option.</returns>
    public static Option<string?> Dataset(string description, string? defaultName)
    {
        var option = new Option<string?>("--dataset") { Description = description };
        if (defaultName is not null)
        {
            option.DefaultValueFactory = _ => defaultName;
        }

        return option;
    }

    /// <summary><c>--points N</c>, checked by <see cref="OptionChecks.Points"/>.</summary>
    /// <param name="what">What the points are, for the help text: <c>Number of training points</c>.</param>
    /// <param name="defaultValue">The value when the option is absent.</param>
    /// <returns>The option.</returns>
    public static Option<int> Points(string what, int defaultValue) => new("--points")
    {
        Description = Invariant($"{what} ({OptionChecks.MinPoints} to {OptionChecks.MaxPoints})."),
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => OptionChecks.ParseWholeNumber<int>(result, Invariant($"between {OptionChecks.MinPoints} and {OptionChecks.MaxPoints}")),
    };

    /// <summary><c>--hidden H</c> or <c>--hidden 16,8</c>, checked by <see cref="OptionChecks.Hidden"/>.</summary>
    /// <param name="note">What else to say after the range, for the help text.</param>
    /// <param name="defaultValue">The width when the option is absent.</param>
    /// <returns>The option.</returns>
    public static Option<int[]> Hidden(string note, int defaultValue) => new("--hidden")
    {
        Description = Invariant($"Hidden layer width H ({OptionChecks.MinHidden} to {OptionChecks.MaxHidden}) of each of the --layers layers, or one width per layer separated by commas, such as 16,8 (1 to {NetworkShape.MaxLayers} layers); {note}."),
        DefaultValueFactory = _ => [defaultValue],
        CustomParser = OptionChecks.ParseWidths,
    };

    /// <summary><c>--rate η</c>, checked by <see cref="OptionChecks.Rate"/>.</summary>
    /// <param name="defaultValue">The value when the option is absent.</param>
    /// <returns>The option.</returns>
    public static Option<double> Rate(double defaultValue) => new("--rate")
    {
        Description = "Learning rate (a positive number, such as 0.5 or 1e-2).",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = OptionChecks.ParseDecimal,
    };

    /// <summary><c>--epochs N</c>, checked by <see cref="OptionChecks.Epochs"/>.</summary>
    /// <param name="what">What the epochs are, for the help text: <c>Number of epochs</c>.</param>
    /// <param name="defaultValue">The value when the option is absent.</param>
    /// <returns>The option.</returns>
    public static Option<int> Epochs(string what, int defaultValue) => new("--epochs")
    {
        Description = $"{what} (at least 1).",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => OptionChecks.ParseWholeNumber<int>(result, "of at least 1"),
    };

    /// <summary><c>--seed N</c>: any unsigned 64-bit number.</summary>
    /// <param name="what">What the seed draws, for the help text.</param>
    /// <param name="defaultValue">The value when the option is absent.</param>
    /// <returns>The option.</returns>
    public static Option<ulong> Seed(string what, ulong defaultValue) => new("--seed")
    {
        Description = $"Seed of {what} (0 to {ulong.MaxValue}).",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => OptionChecks.ParseWholeNumber<ulong>(result, Invariant($"from 0 to {ulong.MaxValue}")),
    };

    /// <summary><c>--threads N</c>, checked by <see cref="OptionChecks.Threads"/>; 1 when absent.</summary>
    /// <param name="description">The help text: what the threads do.</param>
    /// <returns>The option.</returns>
    public static Option<int> Threads(string description) => new("--threads")
    {
        Description = description,
        DefaultValueFactory = _ => OptionChecks.MinThreads,
        // course: replace with CustomParser = result => OptionChecks.ParseWholeNumber<int>(result, "equal to 1 (the course's graph engine trains on one thread)"),
        CustomParser = result => OptionChecks.ParseWholeNumber<int>(result, Invariant($"between {OptionChecks.MinThreads} and {OptionChecks.MaxThreads}")),
        // course: end
    };

    /// <summary><c>--engine NAME</c>, checked by <see cref="OptionChecks.Engine"/>; <see cref="TrainingEngines.Default"/> when absent.</summary>
    /// <returns>The option.</returns>
    public static Option<string> Engine() => new("--engine")
    {
        // course: replace with Description = "How gradients are computed: graph, a Scalar graph per point through your Backward (the course's only engine; the library adds auto, tape and compiled).",
        Description = "How gradients are computed: auto (the tape, interpreted until it is compiled on another thread), tape (a recorded tape, replayed per point), compiled (that tape compiled first, several points per replay) or graph (a Scalar graph per point); same numbers.",
        // course: end
        DefaultValueFactory = _ => TrainingEngines.Default,
    };

    /// <summary><c>--out FOLDER</c>, checked by <see cref="OptionChecks.WritableFolder"/>.</summary>
    /// <param name="description">The help text: which files go there and the folder used without the option.</param>
    /// <returns>The option; its value is <see langword="null"/> when absent, for the command to choose.</returns>
    public static Option<string?> OutFolder(string description) => new("--out") { Description = description };

    /// <summary><c>--json</c>: one JSON object on standard output instead of a table.</summary>
    /// <returns>The option.</returns>
    public static Option<bool> Json() => new("--json") { Description = "Print one JSON object instead of a table." };

    /// <summary>
    /// <c>--at NAME=VALUE</c>, read by <see cref="VariableValues.Parse"/>: the point at which to evaluate an
    /// expression; repeated, one variable per use.
    /// </summary>
    /// <returns>The option.</returns>
    public static Option<string[]> At() => new("--at")
    {
        Description = "The value of a variable, as NAME=VALUE (for example x=2); repeat for each variable.",
        HelpName = "NAME=VALUE",
        Arity = ArgumentArity.ZeroOrMore,
        DefaultValueFactory = _ => [],
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
