using System.CommandLine;

namespace MiniTorch.Cli.Commands;

/// <summary>
/// <c>minitorch grad "EXPR" --at x=2 [--json] [--check]</c>: the value of an expression and its derivative with respect
/// to each variable, optionally checked against central difference.
/// </summary>
internal sealed class GradCommand
{
    private readonly Func<Stream> _openStandardInput;

    private readonly Argument<string?> _expression = new("expression")
    {
        Description = "The expression, for example \"(x * x) * y + 10.0 * x\"; quote it for the shell. Or give --file.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private readonly Option<string?> _file = ExpressionInput.FileOption();

    private readonly Option<string[]> _at = CommonOptions.At();
    private readonly Option<bool> _json = CommonOptions.Json();
    private readonly Option<bool> _check = new("--check")
    {
        Description = "Also estimate each derivative by central difference and check it (exit code 1 when a check fails).",
    };

    private GradCommand(Func<Stream> openStandardInput) => _openStandardInput = openStandardInput;

    /// <summary>Builds the <c>grad</c> command.</summary>
    /// <param name="openStandardInput">Opens standard input, for <c>--file -</c>.</param>
    /// <returns>The command, ready to add to the root.</returns>
    public static Command Create(Func<Stream> openStandardInput) => new GradCommand(openStandardInput).Build();

    private Command Build()
    {
        var command = new Command("grad", "Print the value of an expression and its derivative with respect to every variable.")
        {
            _expression, _file, _at, _json, _check,
        };
        command.SetAction(Run);
        return command;
    }

    private int Run(ParseResult parseResult)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var text = ExpressionInput.Text(parseResult.GetValue(_expression), parseResult.GetValue(_file), _openStandardInput);
        var values = VariableValues.Parse(parseResult.GetValue(_at) ?? []);
        var (_, evaluation) = ExpressionInput.Evaluate(text, values, parseResult.InvocationConfiguration.Error);
        var report = new GradReport(evaluation.Output.Data, evaluation.Backward(parseResult.GetValue(_check)));
        if (parseResult.GetValue(_json))
        {
            report.WriteJson(output);
        }
        else
        {
            report.WriteText(output);
        }

        return report.Gradients.All(g => g.Verdict is null or DerivativeVerdict.Pass) ? 0 : MiniTorchCommand.Failure;
    }
}
