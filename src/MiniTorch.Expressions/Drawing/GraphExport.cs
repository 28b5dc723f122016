using System.Globalization;
using System.Text;

namespace MiniTorch.Expressions;

/// <summary>
/// Draws a Scalar computation graph as Graphviz DOT text, like MiniTorch's show_expression: every value is a node
/// showing its name (or id), data and derivative, every operation a box between its inputs and its result.
/// </summary>
public static class GraphExport
{
    /// <summary>
    /// Writes the graph that computed <paramref name="output"/> in the DOT language, to be rendered with
    /// <c>dot -Tsvg</c>.
    /// </summary>
    /// <param name="output">The scalar whose computation is drawn; run <see cref="Scalar.Backward"/> first to see derivatives.</param>
    /// <param name="options">Layout options; <see cref="DotOptions.Default"/> when null.</param>
    /// <returns>
    /// A <c>digraph</c> with one node per distinct scalar (leaves, computed values and constants) and one box per
    /// operation, labelled <c>Mul (Op 0)</c> and so on, numbered in topological order from the output (Op 0 produced the
    /// output). Each input has an edge to its operation labelled with its argument index (0, 1), and each operation an
    /// edge to its result. Value labels are the scalar's name (a constant shows <c>constant</c>), <c>data = </c>its
    /// value and, once a backward pass has reached it, <c>derivative = </c>its derivative, numbers in shortest
    /// round-trip form. The same graph always gives the same text. The walk is iterative, so graphs of any depth work.
    /// </returns>
    public static string ToDot(Scalar output, DotOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        options ??= DotOptions.Default;
        var nodes = new StringBuilder();
        var edges = new StringBuilder();
        var ids = new Dictionary<Scalar, string>(ReferenceEqualityComparer.Instance);

        string IdOf(Scalar value)
        {
            if (!ids.TryGetValue(value, out var id))
            {
                id = string.Create(CultureInfo.InvariantCulture, $"v{ids.Count}");
                ids.Add(value, id);
                nodes.Append("  ").Append(id).Append(" [label=").Append(DotText.Quote(ValueLabel(value)))
                    .Append(ValueStyle(value)).Append("];\n");
            }

            return id;
        }

        var operation = 0;
        IdOf(output);
        foreach (var variable in Autodiff.TopologicalSort(output))
        {
            var value = (Scalar)variable;
            if (value.History is not { LastFunction: { } function } history)
            {
                continue;
            }

            var op = string.Create(CultureInfo.InvariantCulture, $"op{operation}");
            nodes.Append("  ").Append(op).Append(" [label=")
                .Append(DotText.Quote(string.Create(CultureInfo.InvariantCulture, $"{function.Name} (Op {operation})")))
                .Append(", shape=box, penwidth=3];\n");
            edges.Append("  ").Append(op).Append(" -> ").Append(IdOf(value)).Append(";\n");
            for (var i = 0; i < history.Inputs.Count; i++)
            {
                edges.Append("  ").Append(IdOf(history.Inputs[i])).Append(" -> ").Append(op)
                    .Append(CultureInfo.InvariantCulture, $" [label=\"{i}\"];\n");
            }

            operation++;
        }

        var dot = new StringBuilder();
        dot.Append("digraph ").Append(DotText.Quote(options.GraphName)).Append(" {\n");
        if (options.LeftToRight)
        {
            dot.Append("  rankdir=LR;\n");
        }

        dot.Append("  node [fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\"];\n");
        return dot.Append(nodes).Append(edges).Append("}\n").ToString();
    }

    // Leaves are filled and constants dashed, so that the inputs of the computation stand out.
    private static string ValueStyle(Scalar value) =>
        value.IsConstant ? ", style=dashed" : value.IsLeaf ? ", style=filled, fillcolor=\"#dbe9f6\"" : string.Empty;

    /// <summary>
    /// The first line of a value node's label in <see cref="ToDot"/>: <c>constant</c> for a constant, otherwise the
    /// scalar's name, or <c>#</c> and its id for an unnamed scalar (whose name is its id), so that it does not read as
    /// a value. Lets other views of the graph name its nodes as the drawing does.
    /// </summary>
    /// <param name="value">A scalar of the graph.</param>
    /// <returns>The title.</returns>
    public static string NodeTitle(Scalar value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var id = value.UniqueId.ToString(CultureInfo.InvariantCulture);
        return value.IsConstant ? "constant" : value.Name == id ? "#" + id : value.Name;
    }

    private static string ValueLabel(Scalar value)
    {
        var label = new StringBuilder(NodeTitle(value))
            .Append("\ndata = ").Append(DotText.Number(value.Data));
        if (value.Derivative is { } derivative)
        {
            label.Append("\nderivative = ").Append(DotText.Number(derivative));
        }

        return label.ToString();
    }
}
