using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MiniTorch.Expressions;
using MiniTorch.Web.Expressions;

namespace MiniTorch.Web.Functions;

/// <summary>
/// The Scalar functions tab's API: the list of MiniTorch's test functions, and a function sampled with
/// <see cref="FunctionSampling"/>: for one input (x), f, its autodiff derivative and the central difference along the
/// interval; for two inputs (x and y), f, ∂f/∂x and ∂f/∂y on a grid over the square of the interval; and for each
/// derivative its check against the central difference (<see cref="DerivativeCheckView"/>). The page only draws.
/// </summary>
internal static class FunctionEndpoints
{
    private const string X = "x";
    private const string Y = "y";

    /// <summary>Adds the routes.</summary>
    /// <param name="routes">The server's routes.</param>
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/functions", () => Results.Ok(TestFunctionList.All));
        routes.MapPost("/api/functions", SampleAsync).RequireRateLimiting(ComputeLimit.Policy);
    }

    private static async Task<IResult> SampleAsync(HttpRequest request)
    {
        var (body, problem) = await RequestBody.ReadAsync<FunctionRequest>(request);
        if (body is null)
        {
            return problem!;
        }

        var (expression, refused) = ExpressionEndpoints.Parse(body.Expression);
        if (expression is null)
        {
            return refused!;
        }

        if (expression.Variables.FirstOrDefault(v => v.Name is not (X or Y)) is { Name: not null } other)
        {
            return RequestBody.Invalid("expression", $"uses the variable {other.Name}; a function here is of x, or of x and y");
        }

        var from = body.From ?? FunctionRequest.DefaultFrom;
        var to = body.To ?? FunctionRequest.DefaultTo;
        if (!(Math.Abs(from) <= FunctionRequest.MaxMagnitude))
        {
            return RequestBody.Invalid("from", Invariant($"must be a number from {-FunctionRequest.MaxMagnitude} to {FunctionRequest.MaxMagnitude}"));
        }

        if (!(Math.Abs(to) <= FunctionRequest.MaxMagnitude) || !(from < to))
        {
            return RequestBody.Invalid("to", Invariant($"must be larger than from and at most {FunctionRequest.MaxMagnitude}"));
        }

        var none = new Dictionary<string, double>(StringComparer.Ordinal);
        if (expression.Variables.Any(v => v.Name == Y))
        {
            var grid = FunctionSampling.SampleGrid(
                expression, new SampleAxis(X, from, to, FunctionRequest.GridPoints), new SampleAxis(Y, from, to, FunctionRequest.GridPoints), none);
            var points = grid.Ys.SelectMany(y => grid.Xs.Select(x => (x, y))).ToArray();
            return Results.Ok(new FunctionHeatmaps(
                "grid",
                [.. grid.Xs],
                [.. grid.Ys],
                Flatten(grid.Values),
                Flatten(grid.XDerivatives),
                Flatten(grid.YDerivatives),
                DerivativeCheckView.Of(points, Flat(grid.XDerivatives), Flat(grid.XCentralDifferences)),
                DerivativeCheckView.Of(points, Flat(grid.YDerivatives), Flat(grid.YCentralDifferences))));
        }

        var samples = FunctionSampling.Sample(expression, new SampleAxis(X, from, to, FunctionRequest.LinePoints), none);
        return Results.Ok(new FunctionLine(
            "line",
            [.. samples.Select(s => s.X)],
            [.. samples.Select(s => Gap(s.Value))],
            [.. samples.Select(s => Gap(s.Derivative))],
            [.. samples.Select(s => Gap(s.CentralDifference))],
            [.. samples.Select(s => Gap(s.Derivative - s.CentralDifference))],
            DerivativeCheckView.Of([.. samples.Select(s => (s.X, double.NaN))], [.. samples.Select(s => s.Derivative)], [.. samples.Select(s => s.CentralDifference)])));
    }

    private static double[] Flat(IReadOnlyList<IReadOnlyList<double>> table) => [.. table.SelectMany(row => row)];

    // Row by row (y), each row column by column (x); NaN, where f or a derivative is not finite, is null: a gap.
    private static double?[] Flatten(IReadOnlyList<IReadOnlyList<double>> table) => [.. table.SelectMany(row => row.Select(Gap))];

    private static double? Gap(double value) => double.IsNaN(value) ? null : value;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A function of x sampled along the interval.</summary>
/// <param name="Kind"><c>line</c>.</param>
/// <param name="Xs">The values of x.</param>
/// <param name="Values">f(x); null where it is not finite.</param>
/// <param name="Derivatives">df/dx by autodiff; null where it or f is not finite.</param>
/// <param name="CentralDifferences">df/dx by central difference; null where it or f is not finite.</param>
/// <param name="Differences">Autodiff minus central difference; null where either is missing.</param>
/// <param name="Check">The check of the derivative against the central difference along the interval.</param>
internal sealed record FunctionLine(string Kind, double[] Xs, double?[] Values, double?[] Derivatives, double?[] CentralDifferences, double?[] Differences, DerivativeCheckView Check);

/// <summary>A function of x and y sampled on a grid; every table is flat, row (y) after row, each row along x.</summary>
/// <param name="Kind"><c>grid</c>.</param>
/// <param name="Xs">The values of x, one per column.</param>
/// <param name="Ys">The values of y, one per row.</param>
/// <param name="Values">f(x, y); null where it is not finite.</param>
/// <param name="XDerivatives">∂f/∂x by autodiff.</param>
/// <param name="YDerivatives">∂f/∂y by autodiff.</param>
/// <param name="XCheck">The check of ∂f/∂x against its central difference over the grid.</param>
/// <param name="YCheck">The check of ∂f/∂y.</param>
internal sealed record FunctionHeatmaps(
    string Kind, double[] Xs, double[] Ys, double?[] Values, double?[] XDerivatives, double?[] YDerivatives, DerivativeCheckView XCheck, DerivativeCheckView YCheck);
