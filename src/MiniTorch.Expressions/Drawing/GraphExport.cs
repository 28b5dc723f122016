using System.Globalization;
using System.Text;

namespace MiniTorch.Expressions;

/// <summary>
/// Draws a Scalar computation graph as Graphviz DOT text, like MiniTorch's show_expression: every value is a node
/// showing its name (or id), data and derivative, every operation a box between its inputs and its result.
/// </summary>
public static class GraphExport
{
    /// <summary>The prefix of a collapsed group's node key (<see cref="DotOptions.Collapsed"/>), followed by the group's name.</summary>
    public const string GroupKeyPrefix = "group:";

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
    /// With <see cref="DotOptions.Names"/>, the drawing uses the learner's names instead (see there).
    /// </returns>
    public static string ToDot(Scalar output, DotOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        options ??= DotOptions.Default;
        var drawing = options.Names is { } names ? new NamedDrawing(names, options) : (Drawing)new TitledDrawing();
        var edges = new StringBuilder();
        var drawnEdges = new HashSet<string>(StringComparer.Ordinal);
        void Edge(string from, string to, string attributes)
        {
            if (from != to && drawnEdges.Add(from + " " + to + attributes))
            {
                edges.Append("  ").Append(from).Append(" -> ").Append(to).Append(attributes).Append(";\n");
            }
        }

        drawing.Value(output);
        var operation = 0;
        foreach (var variable in Autodiff.TopologicalSort(output))
        {
            var value = (Scalar)variable;
            if (value.History is not { LastFunction: { } function } history)
            {
                continue;
            }

            var op = drawing.Operation(value, function, operation);
            Edge(op, drawing.Value(value), string.Empty);
            for (var i = 0; i < history.Inputs.Count; i++)
            {
                var input = drawing.Value(history.Inputs[i]);
                Edge(input, op, drawing.IsCollapsed(input) || drawing.IsCollapsed(op) ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" [label=\"{i}\"]"));
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
        drawing.WriteNodes(dot);
        return dot.Append(edges).Append("}\n").ToString();
    }

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

    // Leaves are filled and constants dashed, so that the inputs of the computation stand out.
    private static string ValueStyle(Scalar value) =>
        value.IsConstant ? ", style=dashed" : value.IsLeaf ? ", style=filled, fillcolor=\"#dbe9f6\"" : string.Empty;

    /// <summary>The nodes of a drawing: each value once, under a key, and each operation; written after the walk.</summary>
    private abstract class Drawing
    {
        public abstract string Value(Scalar value);

        public abstract string Operation(Scalar result, FunctionHandle function, int number);

        public virtual bool IsCollapsed(string key) => false;

        public abstract void WriteNodes(StringBuilder dot);
    }

    /// <summary>MiniTorch's show_expression: values v0, v1 … in the order met, titled by name or id, numbers exact.</summary>
    private sealed class TitledDrawing : Drawing
    {
        private readonly Dictionary<Scalar, string> _ids = new(ReferenceEqualityComparer.Instance);
        private readonly StringBuilder _nodes = new();

        public override string Value(Scalar value)
        {
            if (!_ids.TryGetValue(value, out var id))
            {
                id = string.Create(CultureInfo.InvariantCulture, $"v{_ids.Count}");
                _ids.Add(value, id);
                var label = new StringBuilder(NodeTitle(value)).Append("\ndata = ").Append(DotText.Number(value.Data));
                if (value.Derivative is { } derivative)
                {
                    label.Append("\nderivative = ").Append(DotText.Number(derivative));
                }

                _nodes.Append("  ").Append(id).Append(" [label=").Append(DotText.Quote(label.ToString())).Append(ValueStyle(value)).Append("];\n");
            }

            return id;
        }

        public override string Operation(Scalar result, FunctionHandle function, int number)
        {
            var op = string.Create(CultureInfo.InvariantCulture, $"op{number}");
            _nodes.Append("  ").Append(op).Append(" [label=")
                .Append(DotText.Quote(string.Create(CultureInfo.InvariantCulture, $"{function.Name} (Op {number})")))
                .Append(", shape=box, penwidth=3];\n");
            return op;
        }

        public override void WriteNodes(StringBuilder dot) => dot.Append(_nodes);
    }

    /// <summary>The learner's drawing: nodes keyed by <see cref="ScalarNames.Key"/>, grouped into clusters, some collapsed.</summary>
    private sealed class NamedDrawing(ScalarNames names, DotOptions options) : Drawing
    {
        private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);
        private readonly Dictionary<string, StringBuilder> _groups = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _collapsedCounts = new(StringComparer.Ordinal);
        private readonly StringBuilder _ungrouped = new();

        public override string Value(Scalar value)
        {
            var key = names.Key(value);
            if (_keys.TryGetValue(key, out var drawn))
            {
                return drawn;
            }

            var label = new StringBuilder(names[value]);
            if (!value.IsConstant || names[value] != ShownNumber.Of(value.Data))
            {
                label.Append("\ndata = ").Append(ShownNumber.Of(value.Data));
            }

            if (options.Annotations?.GetValueOrDefault(value) is { } annotation)
            {
                label.Append('\n').Append(annotation);
            }

            drawn = Node(options.GroupOf?.Invoke(value), key, label.ToString(), ValueStyle(value), isValue: true);
            _keys.Add(key, drawn);
            return drawn;
        }

        public override string Operation(Scalar result, FunctionHandle function, int number) =>
            Node(options.GroupOf?.Invoke(result), "f" + names.Key(result)[1..], function.Name, ", shape=box, penwidth=2", isValue: false);

        public override bool IsCollapsed(string key) => key.StartsWith('"' + GroupKeyPrefix, StringComparison.Ordinal);

        public override void WriteNodes(StringBuilder dot)
        {
            dot.Append(_ungrouped);
            foreach (var (group, nodes) in _groups)
            {
                dot.Append("  subgraph ").Append(DotText.Quote("cluster_" + group)).Append(" {\n    label=").Append(DotText.Quote(group))
                    .Append(";\n    style=rounded;\n    color=\"#8a96a3\";\n").Append(nodes).Append("  }\n");
            }

            foreach (var (group, count) in _collapsedCounts)
            {
                dot.Append("  ").Append(DotText.Quote(GroupKeyPrefix + group)).Append(" [label=")
                    .Append(DotText.Quote(string.Create(CultureInfo.InvariantCulture, $"{group}\n{count} values, collapsed")))
                    .Append(", shape=box3d, style=filled, fillcolor=\"#eef1f4\"];\n");
            }
        }

        // A node inside its group's cluster, or the group's one box when the group is collapsed; returns the key to
        // draw edges with.
        private string Node(string? group, string key, string label, string style, bool isValue)
        {
            if (group is not null && options.Collapsed?.Contains(group) == true)
            {
                _collapsedCounts[group] = _collapsedCounts.GetValueOrDefault(group) + (isValue ? 1 : 0);
                return DotText.Quote(GroupKeyPrefix + group);
            }

            var nodes = group is null ? _ungrouped : _groups.TryGetValue(group, out var existing) ? existing : _groups[group] = new StringBuilder();
            nodes.Append(group is null ? "  " : "    ").Append(DotText.Quote(key)).Append(" [label=").Append(DotText.Quote(label)).Append(style).Append("];\n");
            return DotText.Quote(key);
        }
    }
}
