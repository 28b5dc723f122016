using System.Globalization;
using MiniTorch.Expressions;
using MiniTorch.Runs;
using MiniTorch.Web.Expressions;

namespace MiniTorch.Web.Models;

/// <summary>
/// The scalar graph of a network's forward pass for one training point (MiniTorch's "Show Graph"), grouped by layer:
/// the inputs x1 and x2, then each of the network's modules with its parameters (named by their dotted path) and the
/// values it computes, the last one ending in the output. Its backward pass steps like an expression's.
/// </summary>
internal static class ModelGraph
{
    /// <summary>The group of the two inputs.</summary>
    public const string InputGroup = "input";

    /// <summary>The most scalars a drawn graph may have: a network of hidden width 23 has 1,890, of width 24 2,044.</summary>
    public const int MaxScalars = 2_000;

    /// <summary>A group with more scalars than this is collapsed unless the page says otherwise.</summary>
    public const int CollapsedAbove = 150;

    /// <summary>
    /// Runs the network's forward pass on one point, reading its parameters as they are: call it while no epoch runs.
    /// The rest (<see cref="Draw"/>) reads only what this pass created and may run at any time.
    /// </summary>
    /// <param name="network">The network.</param>
    /// <param name="data">The training points.</param>
    /// <param name="point">The index of the point.</param>
    /// <returns>The pass.</returns>
    public static NetworkPass Forward(Module<Scalar[], Scalar> network, Dataset data, int point)
    {
        var (x1, x2) = (new Scalar(data.Points[point].X1, "x1"), new Scalar(data.Points[point].X2, "x2"));
        var pass = NetworkShape.Activate(network, [x1, x2]);
        var leafNames = new Dictionary<Scalar, string>(ReferenceEqualityComparer.Instance);
        var leafGroups = new Dictionary<Scalar, string>(ReferenceEqualityComparer.Instance) { [x1] = InputGroup, [x2] = InputGroup };
        foreach (var (name, parameter) in network.NamedParameters())
        {
            leafNames[parameter.Value] = name;
            leafGroups[parameter.Value] = name[..name.IndexOf('.', StringComparison.Ordinal)];
        }

        // Each module's values were created after the previous module's and up to its last hidden unit; the rest
        // belong to the last module. Ids increase with creation, on this thread as on any other.
        var modules = network.NamedModules().Select(m => m.Key).ToArray();
        long[] lastIds = [.. pass.Hidden.Select(layer => layer.Max(unit => unit.UniqueId))];
        return new NetworkPass(pass.Output, leafNames, scalar =>
            leafGroups.TryGetValue(scalar, out var group) ? group
            : scalar.IsConstant ? null
            : modules[Math.Min(lastIds.Count(last => last < scalar.UniqueId), modules.Length - 1)]);
    }

    /// <summary>Names, groups and steps the pass, and draws it with <paramref name="collapsed"/> groups as boxes.</summary>
    /// <param name="pass">The forward pass.</param>
    /// <param name="names">Its names, <see cref="ScalarNames.Of"/> of its output and leaf names.</param>
    /// <param name="collapsed">The groups to collapse, or null for those larger than <see cref="CollapsedAbove"/>.</param>
    /// <returns>The groups and the stepped graph.</returns>
    public static (GroupView[] Groups, SteppedGraph Graph) Draw(NetworkPass pass, ScalarNames names, IReadOnlyCollection<string>? collapsed)
    {
        var sizes = names.Scalars.Select(pass.GroupOf).OfType<string>().GroupBy(g => g).Select(g => (Name: g.Key, Count: g.Count()))
            .OrderBy(g => g.Name == InputGroup ? 0 : 1).ToArray();
        var folded = collapsed is null
            ? sizes.Where(g => g.Count > CollapsedAbove).Select(g => g.Name).ToHashSet(StringComparer.Ordinal)
            : collapsed.ToHashSet(StringComparer.Ordinal);
        var graph = SteppedGraph.Of(pass.Output, names, leftToRight: true, pass.GroupOf, folded);
        return ([.. sizes.Select(g => new GroupView(g.Name, g.Count, folded.Contains(g.Name)))], graph);
    }

    /// <summary>The refusal of a graph with more than <see cref="MaxScalars"/> scalars.</summary>
    /// <param name="count">Its number of scalars.</param>
    /// <returns>The message, after the field's name.</returns>
    public static string TooLarge(int count) => string.Create(
        CultureInfo.InvariantCulture, $"gives a graph of {count} scalars, more than the {MaxScalars} the page draws: pick a narrower network (two hidden layers of width 23 or less fit)");
}

/// <summary>A forward pass of a network on one point, ready to be drawn.</summary>
/// <param name="Output">The network's output.</param>
/// <param name="LeafNames">The inputs' and parameters' names.</param>
/// <param name="GroupOf">Each scalar's group: input or a module's name.</param>
internal sealed record NetworkPass(Scalar Output, IReadOnlyDictionary<Scalar, string> LeafNames, Func<Scalar, string?> GroupOf);

/// <summary>One group of the model graph.</summary>
/// <param name="Name">input, or a module's name such as layer1.</param>
/// <param name="Nodes">How many scalars it holds.</param>
/// <param name="Collapsed">Whether it is drawn as one box.</param>
internal sealed record GroupView(string Name, int Nodes, bool Collapsed);
