using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MiniTorch.Web.Manual;

/// <summary>
/// The API of the Task 0.5 tab (MiniTorch's Module 0 "Manual" page): the form's datasets, defaults and ranges, and the
/// classifier of three hand-set parameters measured and drawn on a dataset. The page computes nothing: each slider's move
/// asks the server.
/// </summary>
internal static class ManualEndpoints
{
    /// <summary>Adds the routes.</summary>
    /// <param name="routes">The server's routes.</param>
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/manual/form", () => Results.Ok(ManualForm.Current));
        routes.MapPost("/api/manual", ClassifyAsync).RequireRateLimiting(ComputeLimit.Policy);
    }

    private static async Task<IResult> ClassifyAsync(HttpRequest request)
    {
        var (body, problem) = await RequestBody.ReadAsync<ManualRequest>(request);
        if (body is null)
        {
            return problem!;
        }

        var (data, classifier, refused) = body.Check();
        return data is null || classifier is null ? refused! : Results.Ok(ManualView.Of(classifier, data));
    }
}
