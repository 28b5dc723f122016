using System.CommandLine;
using MiniTorch.Expressions;

namespace MiniTorch.Cli.Commands;

/// <summary>
/// <c>minitorch grad "EXPR" --at x=2 [--json] [--check]</c>: the value of an expression and its derivative with respect
/// to each variable, optionally checked against central difference.
/// </summary>
internal sealed class GradCommand
{
    /// <summary>The reference tolerance of the derivative check: |autodiff − numeric| ≤ 10⁻² + 10⁻²·|numeric|.</summary>
    public const double Tolerance = 1e-2;

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
        var (expression, evaluation) = ExpressionInput.Evaluate(parseResult.GetValue(_expression)!, values, parseResult.InvocationConfiguration.Error);
        evaluation.Output.Backward();
        var report = new GradReport(evaluation.Output.Data, Measure(expression, evaluation, parseResult.GetValue(_check)));
        if (parseResult.GetValue(_json))
        {
            report.WriteJson(output);
        }
        else
        {
            report.WriteText(output);
        }

        return report.Gradients.All(g => g.Passed != false) ? 0 : MiniTorchCommand.Failure;
    }

    private static List<GradReport.Gradient> Measure(Expression expression, Evaluation evaluation, bool check)
    {
        var point = evaluation.Variables.Select(v => v.Data).ToArray();
        var gradients = new List<GradReport.Gradient>(point.Length);
        for (var i = 0; i < point.Length; i++)
        {
            var leaf = evaluation.Variables[i];
            var derivative = leaf.Derivative ?? 0.0;
            if (!check)
            {
                gradients.Add(new GradReport.Gradient(leaf.Name, derivative, null, null));
                continue;
            }

            var numeric = Autodiff.CentralDifference(x => ValueAt(expression, x), point, i);
            var passed = Math.Abs(derivative - numeric) <= Tolerance + (Tolerance * Math.Abs(numeric));
            gradients.Add(new GradReport.Gradient(leaf.Name, derivative, numeric, passed));
        }

        return gradients;
    }

    private static double ValueAt(Expression expression, double[] point)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < point.Length; i++)
        {
            values.Add(expression.Variables[i].Name, point[i]);
        }

        return expression.Evaluate(values).Output.Data;
    }
}
