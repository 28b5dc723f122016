using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MiniTorch.Expressions;
using MiniTorch.Runs;
using MiniTorch.Web.Expressions;
using MiniTorch.Web.Training;

namespace MiniTorch.Web.Models;

/// <summary>
/// The API of the network as a thing to look into: its scalar graph for one training point, stepped like an
/// expression's (the Autodiff tab), and its module tree and parameters, which can be set by hand, with the boundary and
/// the loss they give (the Module tab, like MiniTorch's Module 0 "Manual" page).
/// </summary>
internal static class ModelEndpoints
{
    /// <summary>Adds the routes.</summary>
    /// <param name="routes">The server's routes.</param>
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/model-graph", GraphAsync).RequireRateLimiting(ComputeLimit.Policy);
        routes.MapPost("/api/module", ModuleAsync).RequireRateLimiting(ComputeLimit.Policy);
    }

    private static async Task<IResult> GraphAsync(HttpRequest request, TrainingSessions sessions)
    {
        var (body, source, problem) = await ReadAsync<ModelGraphRequest>(request, sessions);
        if (body is null || source is null)
        {
            return problem!;
        }

        var point = body.Point ?? 0;
        if (point < 0 || point >= source.Data.Count)
        {
            return RequestBody.Invalid("point", Invariant($"must be 0 to {source.Data.Count - 1}: the index of a training point"));
        }

        if (body.Collapsed is { Length: > 100 })
        {
            return RequestBody.Invalid("collapsed", "lists more than 100 groups");
        }

        var pass = source.Read(network => ModelGraph.Forward(network, source.Data, point));
        var names = ScalarNames.Of(pass.Output, pass.LeafNames);
        if (names.Scalars.Count > ModelGraph.MaxScalars)
        {
            return RequestBody.Invalid(source.Field, ModelGraph.TooLarge(names.Scalars.Count));
        }

        var (groups, graph) = ModelGraph.Draw(pass, names, body.Collapsed);
        var at = source.Data.Points[point];
        return Results.Ok(new ModelGraphView(point, source.Data.Count, at.X1, at.X2, source.Data.Labels[point], Text(pass.Output.Data), groups, graph));
    }

    private static async Task<IResult> ModuleAsync(HttpRequest request, TrainingSessions sessions)
    {
        var (body, source, problem) = await ReadAsync<ModuleRequest>(request, sessions);
        if (body is null || source is null)
        {
            return problem!;
        }

        var from = body.From ?? 0;
        var count = body.Count ?? ModuleRequest.MaxCount;
        var values = body.Values ?? [];
        if (from < 0)
        {
            return RequestBody.Invalid("from", "must be 0 or more: the index of the first parameter shown");
        }

        if (count is < 1 or > ModuleRequest.MaxCount)
        {
            return RequestBody.Invalid("count", Invariant($"must be 1 to {ModuleRequest.MaxCount}"));
        }

        if (values.FirstOrDefault(v => !(Math.Abs(v.Value) <= ModuleRequest.MaxValue)) is { Key: { } wild })
        {
            return RequestBody.Invalid("values." + TextExcerpt.Shorten(wild), Invariant($"must be a number from {-ModuleRequest.MaxValue} to {ModuleRequest.MaxValue}"));
        }

        return source.Read(network =>
        {
            var parameters = network.NamedParameters().ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            if (values.Keys.FirstOrDefault(name => !parameters.ContainsKey(name)) is { } unknown)
            {
                return RequestBody.Invalid("values." + TextExcerpt.Shorten(unknown), "is not a parameter of the network; its parameters are named like layer1.weight_0_0 and layer3.bias_0");
            }

            foreach (var (name, value) in values)
            {
                parameters[name].Update(new Scalar(value));
            }

            return Results.Ok(ModuleState.Of(source, network, from, count));
        });
    }

    // Reads the body and finds the network it names, or gives the refusal of either.
    private static async Task<(T? Body, NetworkSource? Source, IResult? Problem)> ReadAsync<T>(HttpRequest request, TrainingSessions sessions)
        where T : NetworkChoice
    {
        var (body, problem) = await RequestBody.ReadAsync<T>(request);
        if (body is null)
        {
            return (null, null, problem);
        }

        var (source, refused) = NetworkSource.Resolve(body, sessions);
        return (body, source, refused);
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The network's graph for one training point.</summary>
/// <param name="Point">The point's index.</param>
/// <param name="Points">How many training points there are.</param>
/// <param name="X1">The point's first coordinate.</param>
/// <param name="X2">Its second coordinate.</param>
/// <param name="Label">Its label, 0 or 1.</param>
/// <param name="Output">The network's output there, the probability of class 1, in round-trip form.</param>
/// <param name="Groups">The graph's groups: input, then the modules.</param>
/// <param name="Graph">The graph and its backward pass from the output.</param>
internal sealed record ModelGraphView(int Point, int Points, double X1, double X2, int Label, string Output, GroupView[] Groups, SteppedGraph Graph);

/// <summary>
/// The network a request is about and how to read it: a training's (read while no epoch runs, under its lock) or a
/// fresh one of the settings (read directly).
/// </summary>
/// <param name="Data">The training points.</param>
/// <param name="Plan">The plan the network was made from.</param>
/// <param name="Session">The training, or null for a fresh network.</param>
/// <param name="Fresh">The fresh network, or null for a training's.</param>
internal sealed record NetworkSource(Dataset Data, TrainingPlan Plan, TrainingSession? Session, Module<Scalar[], Scalar>? Fresh)
{
    /// <summary>The request's field that chose the network, to name in a refusal.</summary>
    public string Field => Session is null ? "settings" : "training";

    /// <summary>Finds the training, or checks the settings and makes their network.</summary>
    /// <param name="choice">The request.</param>
    /// <param name="sessions">The server's trainings.</param>
    /// <returns>The source, or the 400 or 404 refusal.</returns>
    public static (NetworkSource? Source, IResult? Problem) Resolve(NetworkChoice choice, TrainingSessions sessions)
    {
        if (choice.Training is { } id)
        {
            if (choice.Settings is not null)
            {
                return (null, RequestBody.Invalid("settings", "is for a network without a training; give training or settings, not both"));
            }

            return sessions.Find(id) is { } session
                ? (new NetworkSource(session.Data, session.Plan, session, null), null)
                : (null, TrainingEndpoints.Unknown(TextExcerpt.Shorten(id)));
        }

        var (plan, _, problem) = (choice.Settings ?? new TrainingRequest()).Check();
        return plan is null ? (null, problem) : (new NetworkSource(plan.Data, plan, null, plan.CreateNetwork()), null);
    }

    /// <summary>Reads (or changes) the network while no epoch of its training runs.</summary>
    /// <typeparam name="T">What is read.</typeparam>
    /// <param name="read">Reads the network.</param>
    /// <returns>What <paramref name="read"/> returned.</returns>
    public T Read<T>(Func<Module<Scalar[], Scalar>, T> read) => Session is { } session ? session.Read(run => read(run.Network)) : read(Fresh!);
}
