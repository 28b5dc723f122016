using System.Xml.Linq;
using MiniTorch.Cli;

namespace MiniTorch.Tests.Cli;

/// <summary>Task 1.4: <c>minitorch graph</c> draws the graph after a backward pass, as DOT, SVG or PNG.</summary>
[Trait("Task", "1.4")]
public sealed class GraphCommandTests : IClassFixture<MissingProgramNotice>, IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("minitorch-graph-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Without_an_expression_it_writes_the_reference_example_as_dot()
    {
        var path = Path.Combine(_folder.FullName, "graph.dot");
        var run = CommandRun.Of("graph", "--out", path, "--lr");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"wrote {path}: (x * x) * y + 10.0 * x = 11", run.Output.Trim());
        var dot = File.ReadAllText(path);
        Assert.Contains("rankdir=LR;", dot, StringComparison.Ordinal);
        foreach (var label in new[] { "Add (Op 0)", "Mul (Op 1)", "Mul (Op 2)", "Mul (Op 3)", "x\\ndata = 1\\nderivative = 12", "y\\ndata = 1\\nderivative = 1", "constant\\ndata = 10" })
        {
            Assert.Contains(label, dot, StringComparison.Ordinal);
        }

        Assert.Contains("-> op3 [label=\"1\"];", dot, StringComparison.Ordinal);
        Assert.Single(_folder.GetFiles());
    }

    [SkippableFact]
    public void Svg_from_dot_is_xml_with_every_node_label()
    {
        ExternalProgram.GraphvizDot.Require();
        var path = Path.Combine(_folder.FullName, "graph.svg");
        var run = CommandRun.Of("graph", "x.relu().log() * y", "--at", "x=2", "--at", "y=3", "--out", path);

        Assert.True(run.ExitCode == 0, run.Error);
        var texts = XDocument.Load(path).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        foreach (var label in new[] { "Mul (Op 0)", "Log (Op 1)", "Relu (Op 2)", "x", "y", "data = 2", "data = 3", "derivative = 0.6931476805598203" })
        {
            Assert.Contains(label, texts);
        }

        Assert.Single(_folder.GetFiles());
    }

    [SkippableFact]
    public void Png_from_dot_is_a_png_file()
    {
        ExternalProgram.GraphvizDot.Require();
        var path = Path.Combine(_folder.FullName, "graph.png");
        Assert.Equal(0, CommandRun.Of("graph", "--out", path).ExitCode);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(path)[..4]);
    }

    [Fact]
    public void Without_graphviz_svg_is_refused_but_dot_still_works()
    {
        var noDot = CommandEnvironment.Default with { FindDot = () => null };
        var svg = Path.Combine(_folder.FullName, "graph.svg");
        var missing = CommandRun.In(noDot, "graph", "--out", svg);
        Assert.Equal(2, missing.ExitCode);
        Assert.Equal("Graphviz 'dot' not found: install it (apt-get install graphviz) or write a .dot file", missing.Error.Trim());
        Assert.False(File.Exists(svg));

        var dot = Path.Combine(_folder.FullName, "graph.dot");
        Assert.Equal(0, CommandRun.In(noDot, "graph", "--out", dot).ExitCode);
        Assert.True(File.Exists(dot));
    }

    [Fact]
    public void An_existing_file_is_replaced_whole()
    {
        var path = Path.Combine(_folder.FullName, "graph.dot");
        File.WriteAllText(path, new string('?', 100_000));
        Assert.Equal(0, CommandRun.Of("graph", "x", "--at", "x=1", "--out", path).ExitCode);
        Assert.StartsWith("digraph", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Single(_folder.GetFiles());
    }

    [Theory]
    [InlineData("graph.jpg", "unknown file type '.jpg': use .svg, .png or .dot")]
    [InlineData("no-such-folder/graph.dot", "the folder")]
    public void Bad_output_paths_are_reported(string relative, string message)
    {
        var run = CommandRun.Of("graph", "--out", Path.Combine(_folder.FullName, relative));
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_expression_exits_2_with_the_message()
    {
        var run = CommandRun.Of("graph", "x +", "--at", "x=1", "--out", Path.Combine(_folder.FullName, "g.dot"));
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("unexpected end of input at column 4", run.Error, StringComparison.Ordinal);
        Assert.Empty(_folder.GetFiles());
    }

    [Fact]
    public void A_target_name_of_250_characters_is_written()
    {
        var path = Path.Combine(_folder.FullName, new string('g', 246) + ".dot");

        var run = CommandRun.Of("graph", "x * 2", "--at", "x=1", "--out", path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([Path.GetFileName(path)], _folder.GetFiles().Select(f => f.Name));
    }

    [Fact]
    public void A_long_expression_is_echoed_shortened()
    {
        var text = "x" + string.Concat(Enumerable.Repeat(" + x", 10_000));

        var run = CommandRun.Of("graph", text, "--at", "x=1", "--out", Path.Combine(_folder.FullName, "g.dot"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"wrote {Path.Combine(_folder.FullName, "g.dot")}: {text[..60]}… = 10001\n", run.Output);
    }
}
