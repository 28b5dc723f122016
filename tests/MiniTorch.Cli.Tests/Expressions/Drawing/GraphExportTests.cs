using System.Text.RegularExpressions;
using MiniTorch.Expressions;

namespace MiniTorch.Tests.Expressions;

/// <summary>Task 1.4: the computation graph drawn like MiniTorch's show_expression, after a backward pass.</summary>
[Trait("Task", "1.4")]
public sealed partial class GraphExportTests
{
    [Fact]
    public void The_reference_example_has_its_operations_values_and_labelled_edges()
    {
        var dot = GraphExport.ToDot(ReferenceExample(), new DotOptions { LeftToRight = true });

        Assert.StartsWith("digraph \"expression\" {\n  rankdir=LR;\n", dot, StringComparison.Ordinal);
        Assert.Equal(["Add (Op 0)", "Mul (Op 1)", "Mul (Op 2)", "Mul (Op 3)"], Labels(dot).Where(l => l.Contains("(Op", StringComparison.Ordinal)));
        var values = Labels(dot).Where(l => l.Contains("data", StringComparison.Ordinal)).ToList();
        Assert.Contains("x\\ndata = 1\\nderivative = 12", values);
        Assert.Contains("y\\ndata = 1\\nderivative = 1", values);
        Assert.Contains("constant\\ndata = 10", values);
        Assert.Equal(7, values.Count);

        // (x * x) is Op 3: x enters it twice, as argument 0 and argument 1.
        var x = NodeId(dot, "x\\ndata");
        Assert.Contains($"  {x} -> op3 [label=\"0\"];", dot, StringComparison.Ordinal);
        Assert.Contains($"  {x} -> op3 [label=\"1\"];", dot, StringComparison.Ordinal);
        Assert.Contains($"  {NodeId(dot, "constant")} -> op1 [label=\"0\"];", dot, StringComparison.Ordinal);
        Assert.Contains("  op0 -> v0;", dot, StringComparison.Ordinal);
        Assert.Equal(8, Regex.Count(dot, "-> op[0-9]+ \\[label=\"[01]\"\\]"));
        Assert.Equal(4, Regex.Count(dot, "op[0-9]+ -> v[0-9]+;"));
    }

    [Fact]
    public void Top_to_bottom_is_the_default_layout() =>
        Assert.DoesNotContain("rankdir", GraphExport.ToDot(ReferenceExample()), StringComparison.Ordinal);

    [Fact]
    public void The_same_graph_always_gives_the_same_text()
    {
        var output = ReferenceExample();
        Assert.Equal(GraphExport.ToDot(output), GraphExport.ToDot(output));
    }

    [Fact]
    public void Unnamed_values_show_their_id_and_constants_stand_alone()
    {
        var constant = GraphExport.ToDot(Scalar.Constant(2.5));
        Assert.Contains("v0 [label=\"constant\\ndata = 2.5\", style=dashed];", constant, StringComparison.Ordinal);
        Assert.DoesNotContain("op", constant, StringComparison.Ordinal);

        var sum = new Scalar(1.0) + new Scalar(2.0);
        Assert.Contains($"\"#{sum.UniqueId}\\ndata = 3\"", GraphExport.ToDot(sum), StringComparison.Ordinal);
    }

    [Fact]
    public void A_node_title_is_the_name_constant_or_the_id_of_an_unnamed_value()
    {
        var sum = new Scalar(1.0) + new Scalar(2.0);

        Assert.Equal("x", GraphExport.NodeTitle(new Scalar(1.0, "x")));
        Assert.Equal("constant", GraphExport.NodeTitle(Scalar.Constant(2.5)));
        Assert.Equal("#" + sum.UniqueId.ToString(System.Globalization.CultureInfo.InvariantCulture), GraphExport.NodeTitle(sum));
    }

    [Fact]
    public void Labels_and_graph_names_are_escaped()
    {
        var odd = new Scalar(0.1, "a \"quoted\" \\ name\nwith\tcontrol") * 3.0;
        var dot = GraphExport.ToDot(odd, new DotOptions { GraphName = "say \"hi\"" });

        Assert.StartsWith("digraph \"say \\\"hi\\\"\" {", dot, StringComparison.Ordinal);
        Assert.Contains("a \\\"quoted\\\" \\\\ name\\nwith control\\ndata = 0.1", dot, StringComparison.Ordinal);
        Assert.Contains("data = 0.30000000000000004", dot, StringComparison.Ordinal);
    }

    [Fact]
    public void A_graph_a_hundred_thousand_operations_deep_is_drawn_without_recursion()
    {
        var x = new Scalar(1.0, "x");
        var output = x;
        for (var i = 0; i < 100_000; i++)
        {
            output = output.Relu();
        }

        var dot = GraphExport.ToDot(output);
        Assert.Contains("Relu (Op 99999)", dot, StringComparison.Ordinal);
    }

    [Fact]
    public void With_names_nodes_are_keyed_in_creation_order_and_labelled_for_a_learner()
    {
        var output = Expression.Parse("(x * x) * y + 10.0 * x").Evaluate(new Dictionary<string, double> { ["x"] = 2, ["y"] = 3 }).Output;
        var names = ScalarNames.Of(output);
        var x = names.Scalars[0];

        var dot = GraphExport.ToDot(output, new DotOptions { Names = names, Annotations = new Dictionary<Scalar, string>(ReferenceEqualityComparer.Instance) { [x] = "d = 22" } });

        Assert.Contains("  \"n0\" [label=\"x\\ndata = 2\\nd = 22\", style=filled", dot, StringComparison.Ordinal);
        Assert.Contains("  \"n2\" [label=\"x * x\\ndata = 4\"];", dot, StringComparison.Ordinal);
        Assert.Contains("  \"n4\" [label=\"10\", style=dashed];", dot, StringComparison.Ordinal);
        Assert.Contains("  \"f2\" [label=\"Mul\", shape=box", dot, StringComparison.Ordinal);
        Assert.Contains("  \"n0\" -> \"f2\" [label=\"1\"];", dot, StringComparison.Ordinal);
        Assert.Contains("  \"f6\" -> \"n6\";", dot, StringComparison.Ordinal);
        Assert.DoesNotContain("(Op", dot, StringComparison.Ordinal);
    }

    [Fact]
    public void Groups_are_clusters_and_a_collapsed_group_is_one_box_with_each_edge_once()
    {
        var x = new Scalar(1.0, "x");
        var w = new Scalar(0.5, "w");
        var b = new Scalar(0.25, "b");
        var output = ((x * w) + b).Relu();
        var names = ScalarNames.Of(output);
        string? GroupOf(Scalar s) => ReferenceEquals(s, x) ? "input" : "layer";

        var open = GraphExport.ToDot(output, new DotOptions { Names = names, GroupOf = GroupOf });
        var folded = GraphExport.ToDot(output, new DotOptions { Names = names, GroupOf = GroupOf, Collapsed = new HashSet<string> { "layer" } });

        Assert.Contains("subgraph \"cluster_layer\" {\n    label=\"layer\";", open, StringComparison.Ordinal);
        Assert.Contains("subgraph \"cluster_input\"", open, StringComparison.Ordinal);
        Assert.Contains("  \"group:layer\" [label=\"layer\\n5 values, collapsed\"", folded, StringComparison.Ordinal);
        Assert.DoesNotContain("cluster_layer", folded, StringComparison.Ordinal);
        Assert.Equal(["  \"n0\" -> \"group:layer\";"], folded.Split('\n').Where(l => l.Contains("->", StringComparison.Ordinal)));
    }

    private static Scalar ReferenceExample()
    {
        var x = new Scalar(1.0, "x");
        var y = new Scalar(1.0, "y");
        var output = (x * x * y) + (10.0 * x);
        output.Backward();
        return output;
    }

    private static List<string> Labels(string dot) => [.. LabelPattern().Matches(dot).Select(m => m.Groups[1].Value)];

    private static string NodeId(string dot, string labelStart) =>
        Regex.Match(dot, $"  (v[0-9]+) \\[label=\"{Regex.Escape(labelStart)}").Groups[1].Value;

    [GeneratedRegex("\\[label=\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex LabelPattern();
}
