using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MiniTorch.Runs;

namespace MiniTorch.Web.Training;

/// <summary>
/// The Training tab's API: the form's choices and defaults, preview, start, run/pause/step, reset, the event stream and
/// the run's files. (The Module tab's is <see cref="Models.ModelEndpoints"/>.)
/// </summary>
internal static class TrainingEndpoints
{
    /// <summary>Adds the routes.</summary>
    /// <param name="routes">The server's routes.</param>
    public static void Map(IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/trainings");
        api.MapGet("/form", () => Results.Ok(TrainingForm.Current));
        api.MapPost("/preview", PreviewAsync).RequireRateLimiting(ComputeLimit.Policy);
        api.MapPost("/", StartAsync).RequireRateLimiting(ComputeLimit.Policy);
        api.MapGet("/{id}/events", Events);
        api.MapPost("/{id}/play", (string id, TrainingSessions sessions) => Control(sessions, id, s => s.Play()));
        api.MapPost("/{id}/pause", (string id, TrainingSessions sessions) => Control(sessions, id, s => s.Pause()));
        api.MapPost("/{id}/step", (string id, TrainingSessions sessions) => Control(sessions, id, s => s.Step()));
        api.MapDelete("/{id}", (string id, TrainingSessions sessions) => sessions.Remove(id) ? Results.NoContent() : Unknown(id));
        api.MapGet("/{id}/files/{name}", Download).RequireRateLimiting(ComputeLimit.Policy);
    }

    private static async Task<IResult> PreviewAsync(HttpRequest request)
    {
        var (plan, problem) = await ReadPlanAsync(request);
        if (plan is null)
        {
            return problem!;
        }

        return Results.Ok(StartOf(null, plan.CreateNetwork(), plan.Data));
    }

    private static async Task<IResult> StartAsync(HttpRequest request, TrainingSessions sessions, SandboxOptions options)
    {
        var (plan, problem) = await ReadPlanAsync(request);
        if (plan is null)
        {
            return problem!;
        }

        if (sessions.TryStart(plan) is not { } session)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many trainings.",
                detail: string.Create(CultureInfo.InvariantCulture, $"{options.MaxTrainings} trainings are running on this server; reset one or wait for it to finish."));
        }

        var start = session.Read(run => StartOf(session.Id, run.Network, run.Data));
        return Results.Created($"/api/trainings/{session.Id}", start);
    }

    private static IResult Events(string id, TrainingSessions sessions, SandboxOptions options, HttpContext context)
    {
        if (sessions.Find(id) is not { } session)
        {
            return Unknown(id);
        }

        return session.TryAttach()
            ? TypedResults.ServerSentEvents(Stream(session, sessions, context, options.StreamWriteTimeout, context.RequestAborted))
            : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The training's stream is already open.", detail: "A training has one event stream; start a new training to watch again.");
    }

    // The stream ends with an "end" event, on which the page closes it. If the page goes away first, or stops reading so
    // that an event cannot be written within the write timeout (the connection is then closed), the training stops.
    private static async IAsyncEnumerable<SseItem<object>> Stream(
        TrainingSession session, TrainingSessions sessions, HttpContext context, TimeSpan writeTimeout, [EnumeratorCancellation] CancellationToken aborted)
    {
        var response = context.Response;
        using var writeDeadline = new CancellationTokenSource();
        using var closeOnDeadline = writeDeadline.Token.Register(context.Abort);
        var ended = false;
        try
        {
            // The headers go out now, so that the page knows the stream is open before the first epoch.
            await response.Body.FlushAsync(aborted);
            await foreach (var frame in session.Frames.ReadAllAsync(aborted))
            {
                // The frame is written, and flushed, when the stream asks for the next one: the deadline covers both.
                writeDeadline.CancelAfter(writeTimeout);
                yield return new SseItem<object>(frame, "frame");
                await response.Body.FlushAsync(aborted);
                writeDeadline.CancelAfter(Timeout.InfiniteTimeSpan);
            }

            ended = true;
            writeDeadline.CancelAfter(writeTimeout);
            yield return new SseItem<object>(session.End!, "end");
        }
        finally
        {
            if (!ended || session.End?.Reason == "stopped")
            {
                sessions.Remove(session.Id);
            }
        }
    }

    private static IResult Control(TrainingSessions sessions, string id, Action<TrainingSession> action)
    {
        if (sessions.Find(id) is not { } session)
        {
            return Unknown(id);
        }

        action(session);
        return Results.NoContent();
    }

    private static IResult Download(string id, string name, TrainingSessions sessions)
    {
        if (!RunDownloads.Files.TryGetValue(name, out var type))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such file.", detail: $"A run's files are {string.Join(", ", RunDownloads.Files.Keys)}.");
        }

        if (sessions.Find(id) is not { } session)
        {
            return Unknown(id);
        }

        if (name == "model.json" && session.Plan.Recorded is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No model file.", detail: "A run on your own points has no model.json, as minitorch train --data writes none: a model file names a built-in dataset.");
        }

        return RunDownloads.Write(session, name) is { } bytes
            ? Results.File(bytes, type, name)
            : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "No files yet.", detail: "The run has no files before its first epoch.");
    }

    private static async Task<(TrainingPlan? Plan, IResult? Problem)> ReadPlanAsync(HttpRequest request)
    {
        var (body, problem) = await RequestBody.ReadAsync<TrainingRequest>(request);
        return body is null ? (null, problem) : body.Check();
    }

    private static TrainingStart StartOf(string? id, Network network, Dataset data) =>
        new(id, data.Name, [.. data.Points.Select(p => new[] { p.X1, p.X2 })], [.. data.Labels], ModelPicture.Draw(network, data));

    /// <summary>The 404 of a training id that names no training.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The problem.</returns>
    internal static IResult Unknown(string id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such training.", detail: $"There is no training '{id}': it was reset, finished long ago, or never started.");
}
