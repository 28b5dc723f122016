using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MiniTorch.Runs;

namespace MiniTorch.Web.Training;

/// <summary>
/// The Training tab's API: the form's choices and defaults, preview, start, run/pause/step, the pace, reset, the event
/// stream and the run's files. (The Module tab's is <see cref="Models.ModelEndpoints"/>.)
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
        api.MapPost("/{id}/pace", SetPaceAsync);
        api.MapDelete("/{id}", (string id, TrainingSessions sessions) => sessions.Remove(id) ? Results.NoContent() : Unknown(id));
        api.MapGet("/{id}/files/{name}", Download).RequireRateLimiting(ComputeLimit.Policy);
    }

    private static async Task<IResult> PreviewAsync(HttpRequest request)
    {
        var (_, plan, command, problem) = await ReadPlanAsync(request);
        if (plan is null)
        {
            return problem!;
        }

        var (low, high) = PictureDrawer.Square(plan.Data, plan.Test);
        var picture = new PictureDrawer(plan.CreateNetwork()).Draw(low, high, []);
        return Results.Ok(StartOf(null, plan, command!, picture));
    }

    private static async Task<IResult> SetPaceAsync(string id, HttpRequest request, TrainingSessions sessions)
    {
        var (body, problem) = await RequestBody.ReadAsync<PaceRequest>(request);
        if (body is null)
        {
            return problem!;
        }

        return !TrainingPace.Names.Contains(body.Pace)
            ? RequestBody.Invalid("pace", $"must be {string.Join(", ", TrainingPace.Names)}")
            : Control(sessions, id, s => s.SetPace(body.Pace));
    }

    private static async Task<IResult> StartAsync(HttpRequest request, TrainingSessions sessions, SandboxOptions options)
    {
        var (body, plan, command, problem) = await ReadPlanAsync(request);
        if (plan is null)
        {
            return problem!;
        }

        if (sessions.TryStart(plan, body!.Pace ?? TrainingPace.Max, body.RunOn) is not { } session)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many trainings.",
                detail: string.Create(CultureInfo.InvariantCulture, $"{options.MaxTrainings} trainings are running on this server; reset one or wait for it to finish."));
        }

        return Results.Created($"/api/trainings/{session.Id}", StartOf(session.Id, plan, command!, picture: null));
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

    private static async Task<(TrainingRequest? Body, TrainingPlan? Plan, string? Command, IResult? Problem)> ReadPlanAsync(HttpRequest request)
    {
        var (body, problem) = await RequestBody.ReadAsync<TrainingRequest>(request);
        if (body is null)
        {
            return (null, null, null, problem);
        }

        var (plan, command, refusal) = body.Check();
        return (body, plan, command, refusal);
    }

    private static TrainingStart StartOf(string? id, TrainingPlan plan, string command, ModelPicture? picture) =>
        new(id, plan.Data.Name, Coordinates(plan.Data), [.. plan.Data.Labels], plan.Test is { } test ? Coordinates(test) : [], [.. plan.Test?.Labels ?? []], command, picture);

    private static double[][] Coordinates(Dataset data) => [.. data.Points.Select(p => new[] { p.X1, p.X2 })];

    /// <summary>The 404 of a training id that names no training.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The problem.</returns>
    internal static IResult Unknown(string id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such training.", detail: $"There is no training '{id}': it was reset, finished long ago, or never started.");
}
