using Microsoft.AspNetCore.Http;

namespace MiniTorch.Web;

/// <summary>
/// The headers every response carries: a Content-Security-Policy that allows scripts, styles and connections from this
/// server only (no inline script, no eval; WebAssembly for the vendored Graphviz), and no framing, sniffing or caching.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>The Content-Security-Policy of every response.</summary>
    public const string Policy =
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; " +
        "connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>Adds the headers to the response, then runs the rest of the pipeline.</summary>
    /// <param name="context">The request.</param>
    /// <param name="next">The rest of the pipeline.</param>
    /// <returns>The work of the rest of the pipeline.</returns>
    public static Task Add(HttpContext context, RequestDelegate next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        return next(context);
    }
}
