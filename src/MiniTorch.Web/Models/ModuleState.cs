using System.Globalization;
using MiniTorch.Runs;
using MiniTorch.Web.Training;

namespace MiniTorch.Web.Models;

/// <summary>
/// The Module tab: the network's module tree, a window of its parameters with their values and gradients, and what the
/// network does with them now: its boundary over the training points, its total loss and how many points it gets right.
/// </summary>
/// <param name="Tree">The tree as <see cref="Module.ToString"/> prints it.</param>
/// <param name="Total">How many parameters the network has.</param>
/// <param name="From">The index of the first parameter of <paramref name="Parameters"/>.</param>
/// <param name="Parameters">The window of parameters, in <see cref="Module.NamedParameters"/> order.</param>
/// <param name="Gradients">
/// What the gradients are: <c>last step</c>, the gradient of the mean loss that a training's last step used (none before
/// its first epoch), or <c>now</c>, the gradient of the mean loss at these values, for a network without a training.
/// </param>
/// <param name="Loss">The total loss over the training points at these values, in round-trip form, as an epoch sums it.</param>
/// <param name="Correct">How many training points the network classifies correctly.</param>
/// <param name="Points">The training points' coordinates, x1 and x2.</param>
/// <param name="Labels">Their labels.</param>
/// <param name="Picture">The network's output over the square.</param>
internal sealed record ModuleState(
    string Tree, int Total, int From, ParameterRow[] Parameters, string Gradients, string Loss, int Correct, double[][] Points, int[] Labels, ModelPicture Picture)
{
    /// <summary>Reads the network as it is now; call it while no epoch runs (<see cref="NetworkSource.Read"/>).</summary>
    /// <param name="source">Where the network comes from.</param>
    /// <param name="network">The network.</param>
    /// <param name="from">The first parameter of the window.</param>
    /// <param name="count">The most parameters in the window.</param>
    /// <returns>The state.</returns>
    public static ModuleState Of(NetworkSource source, Module<Scalar[], Scalar> network, int from, int count)
    {
        var data = source.Data;
        // A training's network is only read; a fresh one is this request's own, so the engine may leave gradients on it.
        var measured = source.Session is null ? network : CopyOf(network, source.Plan);
        EpochTotals totals;
        var engine = TrainingEngines.Create(source.Plan.Engine, source.Plan.Threads);
        try
        {
            totals = engine.RunEpoch(measured, data);
        }
        finally
        {
            (engine as IDisposable)?.Dispose();
        }

        var all = source.Session?.ReadModule().Parameters ?? ModuleView.Of(network, [.. network.Parameters().Select(p => p.Value.Derivative)]).Parameters;
        var window = all.Skip(from).Take(count).ToArray();
        return new ModuleState(
            network.ToString(),
            all.Length,
            from,
            window,
            source.Session is null ? "now" : "last step",
            totals.TotalLoss.ToString("R", CultureInfo.InvariantCulture),
            totals.Correct,
            [.. data.Points.Select(p => new[] { p.X1, p.X2 })],
            [.. data.Labels],
            PictureOf(network, source.Plan));
    }

    // The network's output over the square of the Training tab's picture, without gradients on its weights.
    private static ModelPicture PictureOf(Module<Scalar[], Scalar> network, TrainingPlan plan)
    {
        var (low, high) = PictureDrawer.Square(plan.Data, plan.Test);
        return new PictureDrawer(network).Draw(low, high, []);
    }

    // A network of the plan's shape holding the same values, so that measuring it leaves the training's network alone.
    private static Module<Scalar[], Scalar> CopyOf(Module<Scalar[], Scalar> network, TrainingPlan plan)
    {
        var copy = plan.CreateNetwork();
        foreach (var ((_, original), (_, twin)) in network.NamedParameters().Zip(copy.NamedParameters()))
        {
            twin.Update(new Scalar(original.Value.Data));
        }

        return copy;
    }
}
