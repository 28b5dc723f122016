namespace MiniTorch.Expressions;

/// <summary>How <see cref="GraphExport.ToDot"/> lays out and labels a computation graph.</summary>
public sealed class DotOptions
{
    /// <summary>The default options: top-to-bottom layout, graph named <c>expression</c>, nodes titled as MiniTorch's show_expression titles them.</summary>
    public static DotOptions Default { get; } = new();

    /// <summary>True to lay the graph out from left to right (<c>rankdir=LR</c>), inputs on the left; false for top to bottom.</summary>
    public bool LeftToRight { get; init; }

    /// <summary>The name written after <c>digraph</c>; any text, quoted as needed.</summary>
    public string GraphName { get; init; } = "expression";

    /// <summary>
    /// Names for a learner (<see cref="ScalarNames"/>), made for the same output; null for MiniTorch's titles (name or
    /// id). With names, each value node is keyed <see cref="ScalarNames.Key"/> (<c>n3</c>), the operation that computed
    /// it <c>f3</c>, operations are labelled by their function alone (<c>Mul</c>), and numbers are <see cref="ShownNumber"/>s.
    /// </summary>
    public ScalarNames? Names { get; init; }

    /// <summary>
    /// With <see cref="Names"/>: a line to write under some values' data, for example the derivative a backward pass
    /// collects there; a page can change its text in the drawing while keeping the node's size.
    /// </summary>
    public IReadOnlyDictionary<Scalar, string>? Annotations { get; init; }

    /// <summary>
    /// With <see cref="Names"/>: the group of each value (for example a network's layer), drawn as a labelled cluster;
    /// an operation belongs to its result's group. Null, or null for a value, leaves it outside every group.
    /// </summary>
    public Func<Scalar, string?>? GroupOf { get; init; }

    /// <summary>
    /// With <see cref="GroupOf"/>: groups drawn as one box, keyed <c>group:</c> and the group's name, in place of their
    /// values and operations; edges into and out of them are kept, once each.
    /// </summary>
    public IReadOnlySet<string>? Collapsed { get; init; }
}
