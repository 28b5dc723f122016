using System.CommandLine;

namespace MiniTorch.Cli.Commands;

/// <summary>
/// <c>minitorch grad "EXPR" --at x=2 [--json] [--check]</c>: the value of an expression and its derivative with respect
/// to each variable, optionally checked against central difference.
/// </summary>
internal sealed class GradCommand
{
    private readonly Argument<string> _expression = new("expression")
    {
        Description = "The expression, for example \"(x * x) * y + 10.0 * x\"; quote it for the shell.",
    };

    private readonly Option<string[]> _at = CommonOptions.At();
    private readonly Option<bool> _json = CommonOptions.Json();
    private readonly Option<bool> _check = new("--check")
    {
        Description = "Also estimate each derivative by central difference and check it (exit code 1 when a check fails).",
    };

    private GradCommand()
    {
    }

    /// <summary>Builds the <c>grad</c> command.</summary>
    /// <returns>The command, ready to add to the root.</returns>
    public static Command Create() => new GradCommand().Build();

    private Command Build()
    {
        var command = new Command("grad", "Print the value of an expression and its derivative with respect to every variable.")
        {
            _expression, _at, _json, _check,
        };
        command.SetAction(Run);
        return command;
    }

    private int Run(ParseResult parseResult)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var values = VariableValues.Parse(parseResult.GetValue(_at) ?? []);
        var (_, evaluation) = ExpressionInput.Evaluate(parseResult.GetValue(_expression)!, values, parseResult.InvocationConfiguration.Error);
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
