using System.CommandLine;
using MiniTorch.Expressions;

namespace MiniTorch.Cli.Commands;

/// <summary>
/// <c>minitorch grad "EXPR" --at x=2 [--json] [--check]</c>: the value of an expression and its derivative with respect
/// to each variable, optionally checked against central difference.
/// </summary>
internal static class GradCommand
{
    /// <summary>The reference tolerance of the derivative check: |autodiff − numeric| ≤ 10⁻² + 10⁻²·|numeric|.</summary>
    public const double Tolerance = 1e-2;

    /// <summary>Creates the <c>grad</c> command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var expression = new Argument<string>("expression")
        {
            Description = "The expression, for example \"(x * x) * y + 10.0 * x\"; quote it for the shell.",
        };
        var at = VariableValues.CreateOption();
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table." };
        var check = new Option<bool>("--check")
        {
            Description = "Also estimate each derivative by central difference and check it (exit code 1 when a check fails).",
        };
        var command = new Command("grad", "Print the value of an expression and its derivative with respect to every variable.")
        {
            expression,
            at,
            json,
            check,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(expression)!,
            parseResult.GetValue(at) ?? [],
            parseResult.GetValue(json),
            parseResult.GetValue(check),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string text, string[] assignments, bool json, bool check, TextWriter output, TextWriter error)
    {
        if (!VariableValues.TryParse(assignments, out var values, out var problem))
        {
            error.WriteLine(problem);
            return MiniTorchCommand.UsageError;
        }

        if (!ExpressionInput.TryEvaluate(text, values, error, out var expression, out var evaluation))
        {
            return MiniTorchCommand.UsageError;
        }

        evaluation.Output.Backward();
        var report = new GradReport(evaluation.Output.Data, Measure(expression, evaluation, check));
        if (json)
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
