using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace MiniTorch.Web.Tests.Api;

/// <summary>
/// In the course, a page that reaches a blank (a <see cref="NotImplementedException"/> naming its task) is told which:
/// status 501 with the blank's message. Any other failure says nothing about the code.
/// </summary>
[Trait("Task", "0.5")]
public sealed class UnwrittenCodeTests
{
    [Fact]
    public void Code_not_written_yet_is_501_and_any_other_failure_500()
    {
        Assert.Equal(501, UnwrittenCode.StatusOf(new NotImplementedException("Task 0.1: write Mul")));
        Assert.Equal(500, UnwrittenCode.StatusOf(new InvalidOperationException("secret path /home/x")));
    }

    [Fact]
    public void The_blank_s_message_is_the_problem_s_detail()
    {
        var context = Failed(new NotImplementedException("Task 0.1: Mul: write x · y"));

        UnwrittenCode.Explain(context);

        Assert.Equal("Task 0.1: Mul: write x · y", context.ProblemDetails.Detail);
        Assert.Equal("This needs code that is not written yet.", context.ProblemDetails.Title);
    }

    [Fact]
    public void Another_failure_s_message_stays_out_of_the_problem()
    {
        var context = Failed(new InvalidOperationException("secret path /home/x"));

        UnwrittenCode.Explain(context);

        Assert.Null(context.ProblemDetails.Detail);
    }

    private static ProblemDetailsContext Failed(Exception problem)
    {
        var http = new DefaultHttpContext();
        http.Features.Set<IExceptionHandlerFeature>(new ExceptionHandlerFeature { Error = problem, Path = "/api/manual" });
        return new ProblemDetailsContext { HttpContext = http, ProblemDetails = new ProblemDetails() };
    }
}
