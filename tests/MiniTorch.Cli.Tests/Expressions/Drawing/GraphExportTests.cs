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
