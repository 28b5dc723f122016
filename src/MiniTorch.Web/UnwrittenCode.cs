using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace MiniTorch.Web;

/// <summary>
/// A request that reaches code not written yet (a <see cref="NotImplementedException"/>: in the course, a blank that
/// names its task and says what to write) is answered with status 501 and that message, so the page can say which task
/// its computation needs. Any other failure stays a 500 that tells nothing about the server's code.
/// </summary>
internal static class UnwrittenCode
{
    /// <summary>The status of a request that failed with <paramref name="problem"/>.</summary>
    /// <param name="problem">What the endpoint threw.</param>
    /// <returns>501 for code not written yet, else 500.</returns>
    public static int StatusOf(Exception problem) =>
        problem is NotImplementedException ? StatusCodes.Status501NotImplemented : StatusCodes.Status500InternalServerError;

    /// <summary>Puts the blank's own message into the problem details of a request that reached it.</summary>
    /// <param name="context">The problem being written.</param>
    public static void Explain(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is NotImplementedException missing)
        {
            context.ProblemDetails.Title = "This needs code that is not written yet.";
            context.ProblemDetails.Detail = missing.Message;
        }
    }
}
