using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace MiniTorch.Web;

/// <summary>
/// The rule that keeps other web sites out: a request that changes or computes something (any method but GET and
/// HEAD) is answered only when it comes from the sandbox's own page. Its <c>Origin</c> must be the server's own
/// (<c>http://</c> and the Host it was sent to, a loopback name), or, from a browser that sends no Origin,
/// <c>Sec-Fetch-Site</c> must be <c>same-origin</c>; and its <c>Content-Type</c> must be <c>application/json</c>, which
/// no HTML form can send and which makes a browser ask before sending it from another site. Anything else gets 403 with
/// problem details.
/// </summary>
/// <remarks>
/// A page on another site can make the browser send a POST with a text body to 127.0.0.1 without asking anyone; the
/// browser then says where the request came from, and this refuses it before any work is done. A program on the same
/// machine (curl, the load test) sends the headers itself.
/// </remarks>
internal static class PageRequests
{
    /// <summary>The media type every request that changes or computes something must declare.</summary>
    public const string JsonMediaType = "application/json";

    private const string FetchSite = "Sec-Fetch-Site";
    private const string SameOrigin = "same-origin";

    /// <summary>Runs the rest of the pipeline for a request from the page, and answers any other with 403.</summary>
    /// <param name="context">The request.</param>
    /// <param name="next">The rest of the pipeline.</param>
    /// <returns>The work of the rest of the pipeline, or of writing the refusal.</returns>
    public static Task Check(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            return next(context);
        }

        var problem = OriginProblem(request) ?? ContentTypeProblem(request);
        return problem is null
            ? next(context)
            : Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only the sandbox's own page may send this request.", detail: problem).ExecuteAsync(context);
    }

    /// <summary>The origin of the page as the request addressed the server, for example <c>http://127.0.0.1:5000</c>.</summary>
    /// <param name="request">The request; its Host has passed the loopback filter.</param>
    /// <returns>The origin.</returns>
    public static string OwnOrigin(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    private static string? OriginProblem(HttpRequest request)
    {
        var own = OwnOrigin(request);
        var site = request.Headers[FetchSite].ToString();
        if (site.Length > 0 && site != SameOrigin)
        {
            return $"{request.Method} {request.Path} came from another site (Sec-Fetch-Site: {Shown(site)}); only the page at {own} may send it.";
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return site == SameOrigin
                ? null
                : $"{request.Method} {request.Path} has no Origin header; send Origin: {own}, as the page's browser does.";
        }

        return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"{request.Method} {request.Path} came from {Shown(origin)}; only the page at {own} may send it.";
    }

    private static string? ContentTypeProblem(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals(JsonMediaType, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"{request.Method} {request.Path} must have Content-Type: {JsonMediaType} (it has {(string.IsNullOrEmpty(request.ContentType) ? "none" : Shown(request.ContentType))}).";

    // Header text as a message repeats it: at most 100 characters.
    private static string Shown(string text) => text.Length <= 100 ? text : text[..100] + "…";
}
