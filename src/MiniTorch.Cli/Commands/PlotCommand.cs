using System.CommandLine;
using System.Globalization;
using MiniTorch.Expressions;
using MiniTorch.Runs;

namespace MiniTorch.Cli.Commands;

/// <summary>
/// <c>minitorch plot "EXPR" [--var x] [--from A] [--to B] [--at y=1] [--out plot.svg|plot.png]</c>: draws f and its
/// derivative by autodiff over an interval, with the central difference marked on the derivative.
/// </summary>
internal sealed class PlotCommand
{
    /// <summary>How many points of the interval are evaluated, both ends included.</summary>
    public const int Samples = 201;

    private static readonly string[] Formats = [".svg", ".png"];

    private readonly Func<Stream> _openStandardInput;

    private readonly Argument<string?> _expression = new("expression")
    {
        Description = "The expression, for example \"x * x * x\"; quote it for the shell. Or give --file.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private readonly Option<string?> _file = ExpressionInput.FileOption();

    private readonly Option<string?> _variable = new("--var")
    {
        Description = "The variable along the horizontal axis; by default the one variable not given with --at.",
        HelpName = "NAME",
    };

    private readonly Option<string> _from = new("--from")
    {
        Description = "The left end of the interval, a decimal number.",
        HelpName = "A",
        DefaultValueFactory = _ => "-3",
    };

    private readonly Option<string> _to = new("--to")
    {
        Description = "The right end of the interval, a decimal number above --from.",
        HelpName = "B",
        DefaultValueFactory = _ => "3",
    };

    private readonly Option<string[]> _at = CommonOptions.At();
    private readonly Option<string> _out = new("--out", "-o")
    {
        Description = "The file to write: .svg or .png.",
        HelpName = "FILE",
        DefaultValueFactory = _ => "plot.svg",
    };

    private PlotCommand(Func<Stream> openStandardInput) => _openStandardInput = openStandardInput;

    /// <summary>Builds the <c>plot</c> command.</summary>
    /// <param name="openStandardInput">Opens standard input, for <c>--file -</c>.</param>
    /// <returns>The command, ready to add to the root.</returns>
    public static Command Create(Func<Stream> openStandardInput) => new PlotCommand(openStandardInput).Build();

    private Command Build()
    {
        var command = new Command("plot", "Draw an expression and its derivative over an interval: autodiff as a line, central difference as circles.")
        {
            _expression, _file, _variable, _from, _to, _at, _out,
        };
        command.SetAction(Run);
        return command;
    }

    private int Run(ParseResult parseResult)
    {
        var error = parseResult.InvocationConfiguration.Error;
        var values = VariableValues.Parse(parseResult.GetValue(_at) ?? []);
        var outputPath = parseResult.GetValue(_out)!;
        var extension = Path.GetExtension(outputPath).ToLowerInvariant();
        if (!Formats.Contains(extension))
        {
            throw new UsageException($"--out {outputPath}: unknown file type '{extension}': use .svg or .png");
        }

        var from = Bound("--from", parseResult.GetValue(_from)!);
        var to = Bound("--to", parseResult.GetValue(_to)!);
        if (!(from < to))
        {
            throw new UsageException(Invariant($"--from {from:R} must be below --to {to:R}"));
        }

        var text = ExpressionInput.Text(parseResult.GetValue(_expression), parseResult.GetValue(_file), _openStandardInput);
        var expression = ExpressionInput.Parse(text);
        var variable = ChooseVariable(expression, parseResult.GetValue(_variable), values);
        values[variable] = from;
        _ = ExpressionInput.Evaluate(expression, values, error);

        var samples = FunctionSampling.Sample(expression, new SampleAxis(variable, from, to, Samples), values);
        using var plot = FunctionPlot.Create(TextExcerpt.Shorten(text), variable, samples);
        try
        {
            PlotFiles.SaveAs(plot, outputPath, FunctionPlot.Width, FunctionPlot.Height);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"cannot write {outputPath}: {e.Message}");
            return MiniTorchCommand.Failure;
        }

        var gap = samples
            .Where(sample => double.IsFinite(sample.Derivative) && double.IsFinite(sample.CentralDifference))
            .Select(sample => Math.Abs(sample.Derivative - sample.CentralDifference))
            .DefaultIfEmpty(double.NaN)
            .Max();
        parseResult.InvocationConfiguration.Output.WriteLine(Invariant(
            $"wrote {outputPath}: {TextExcerpt.Shorten(text)} and its derivative for {TextExcerpt.Shorten(variable)} from {from:R} to {to:R}; autodiff and central difference differ by at most {gap:G3}"));
        return 0;
    }

    /// <summary>The plotted variable: the one named by <c>--var</c>, else the only one without an <c>--at</c> value.</summary>
    private static string ChooseVariable(Expression expression, string? named, Dictionary<string, double> values)
    {
        var names = expression.Variables.Select(v => v.Name).ToList();
        if (named is not null)
        {
            var shown = TextExcerpt.Shorten(named);
            if (!names.Contains(named))
            {
                throw new UsageException(names.Count == 0
                    ? $"--var {shown}: the expression has no variable to plot against"
                    : $"--var {shown}: the expression has no variable '{shown}'; its variables are {string.Join(", ", names.Select(TextExcerpt.Shorten))}");
            }

            if (values.ContainsKey(named))
            {
                throw new UsageException($"--at {shown}=...: {shown} is the plotted variable, which runs from --from to --to; drop its --at");
            }

            return named;
        }

        var free = names.Where(n => !values.ContainsKey(n)).ToList();
        return free.Count switch
        {
            1 => free[0],
            0 when names.Count == 0 => throw new UsageException("the expression has no variable to plot against; write one, for example \"x * x\""),
            0 => throw new UsageException($"every variable has an --at value; choose the one to plot with --var NAME and drop its --at"),
            _ => throw new UsageException($"the expression has several variables without a value ({string.Join(", ", free.Select(TextExcerpt.Shorten))}): choose the one to plot with --var NAME and give the others with --at NAME=VALUE"),
        };
    }

    private static double Bound(string option, string text)
    {
        try
        {
            return DecimalNumber.Parse(text);
        }
        catch (ExpressionException problem)
        {
            throw new UsageException($"{option} '{TextExcerpt.Shorten(text)}': {problem.Reason}: {problem.Hint}", problem);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
