using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MiniTorch.Expressions;

namespace MiniTorch.Web.Expressions;

/// <summary>
/// The Autodiff tab's API: an expression's value, every gradient with its central-difference estimate, as
/// <c>minitorch grad --check</c> computes them, and the computation graph with its backward pass step by step
/// (<see cref="SteppedGraph"/>).
/// </summary>
internal static class ExpressionEndpoints
{
    /// <summary>Adds the routes.</summary>
    /// <param name="routes">The server's routes.</param>
    public static void Map(IEndpointRouteBuilder routes) => routes.MapPost("/api/expression", EvaluateAsync).RequireRateLimiting(ComputeLimit.Policy);

    private static async Task<IResult> EvaluateAsync(HttpRequest request)
    {
        var (body, problem) = await RequestBody.ReadAsync<ExpressionRequest>(request);
        if (body is null)
        {
            return problem!;
        }

        var (expression, refused) = Parse(body.Expression);
        if (expression is null)
        {
            return refused!;
        }

        var values = expression.Variables.ToDictionary(
            v => v.Name, v => body.Values?.GetValueOrDefault(v.Name, ExpressionRequest.DefaultValue) ?? ExpressionRequest.DefaultValue, StringComparer.Ordinal);
        var evaluation = expression.Evaluate(values);
        var graph = SteppedGraph.Of(evaluation.Output, ScalarNames.Of(evaluation.Output));
        VariableResult[] variables =
        [
            .. evaluation.Backward(check: true).Select(v => new VariableResult(v.Name, v.Value, Text(v.Derivative), Text(v.CentralDifference!.Value), VerdictText(v.Verdict!.Value))),
        ];
        return Results.Ok(new ExpressionResult(Text(evaluation.Output.Data), variables, graph));
    }

    /// <summary>
    /// Parses the <c>expression</c> field of a request: empty, longer than <see cref="ExpressionRequest.MaxLength"/>
    /// characters or malformed is refused, a malformed one with its column and the CLI's caret.
    /// </summary>
    /// <param name="text">The field's text.</param>
    /// <returns>The expression, or the 400 result naming the field.</returns>
    public static (Expression? Expression, IResult? Problem) Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, RequestBody.Invalid("expression", "is empty: type an expression such as x * x + 3 * y"));
        }

        if (text.Length > ExpressionRequest.MaxLength)
        {
            return (null, RequestBody.Invalid("expression", string.Create(CultureInfo.InvariantCulture, $"is longer than {ExpressionRequest.MaxLength} characters")));
        }

        try
        {
            return (Expression.Parse(text), null);
        }
        catch (ExpressionException error)
        {
            return (null, Malformed(error));
        }
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem Malformed(ExpressionException error) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { ["expression"] = [error.Reason] },
            detail: error.FormatWithCaret(string.Empty),
            title: "The expression is not valid.",
            extensions: new Dictionary<string, object?> { ["column"] = error.Column });

    // The check's verdict as the page shows it, in the words of minitorch grad --check.
    private static string VerdictText(DerivativeVerdict verdict) => verdict switch
    {
        DerivativeVerdict.Pass => "pass",
        DerivativeVerdict.Fail => "FAIL",
        _ => "cannot check",
    };

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>What the Autodiff tab shows of an expression.</summary>
/// <param name="Value">Its value, in round-trip form.</param>
/// <param name="Variables">Each variable, in order of first occurrence.</param>
/// <param name="Graph">The computation graph and its backward pass, step by step.</param>
internal sealed record ExpressionResult(string Value, VariableResult[] Variables, SteppedGraph Graph);

/// <summary>One variable of an expression.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Value">The value used.</param>
/// <param name="Derivative">∂output/∂variable by backpropagation, as <c>minitorch grad</c> prints it.</param>
/// <param name="Numeric">The central-difference estimate.</param>
/// <param name="Check">What <see cref="Autodiff.CompareDerivatives"/> says of the two: pass, FAIL, or cannot check.</param>
internal sealed record VariableResult(string Name, double Value, string Derivative, string Numeric, string Check);
