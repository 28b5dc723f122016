namespace MiniTorch.Expressions;

/// <summary>How <see cref="GraphExport.ToDot"/> lays out a computation graph.</summary>
public sealed class DotOptions
{
    /// <summary>The default options: top-to-bottom layout, graph named <c>expression</c>.</summary>
    public static DotOptions Default { get; } = new();

    /// <summary>True to lay the graph out from left to right (<c>rankdir=LR</c>), inputs on the left; false for top to bottom.</summary>
    public bool LeftToRight { get; init; }

    /// <summary>The name written after <c>digraph</c>; any text, quoted as needed.</summary>
    public string GraphName { get; init; } = "expression";
}
