using System.Xml.Linq;
using MiniTorch.Runs;

namespace MiniTorch.Tests.Cli;

/// <summary>Task 1.1: <c>minitorch plot</c> draws f and its derivative, by autodiff and by central difference, with grad's input rules.</summary>
[Trait("Task", "1.1")]
public sealed class PlotCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("minitorch-plot-").FullName;

    public static TheoryData<string[], string> BadInputs => new()
    {
        { ["x * y"], "the expression has several variables without a value (x, y): choose the one to plot with --var NAME and give the others with --at NAME=VALUE" },
        { ["x * y", "--var", "z"], "--var z: the expression has no variable 'z'; its variables are x, y" },
        { ["x * y", "--var", "x", "--at", "x=1"], "--at x=...: x is the plotted variable, which runs from --from to --to; drop its --at" },
        { ["x * y", "--at", "x=1", "--at", "y=2"], "every variable has an --at value; choose the one to plot with --var NAME and drop its --at" },
        { ["2 * 3"], "the expression has no variable to plot against; write one, for example \"x * x\"" },
        { ["x", "--from", "2", "--to", "1"], "--from 2 must be below --to 1" },
        { ["x", "--from", "1", "--to", "1"], "--from 1 must be below --to 1" },
        { ["x", "--to", "1e400"], "--to '1e400': number 1e400 is too large: only finite decimal numbers are accepted, and a double holds at most about 1.8e308" },
        { ["x", "--from", "nan"], "--from 'nan': 'nan' is not a finite decimal number: only finite decimal numbers are accepted, such as 2, -0.5 or 1e-3" },
        { ["x", "--out", "f.pdf"], "--out f.pdf: unknown file type '.pdf': use .svg or .png" },
        { ["x", "--at", "y"], "--at 'y' has no '=': write NAME=VALUE, for example --at x=2" },
    };

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void It_writes_an_svg_titled_with_the_expression_and_reports_the_interval()
    {
        var path = Path.Combine(_folder, "cube.svg");
        var run = CommandRun.Of("plot", "x * x * x", "--from", "-2", "--to", "1.5", "--out", path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.StartsWith($"wrote {path}: x * x * x and its derivative for x from -2 to 1.5; autodiff and central difference differ by at most ", run.Output, StringComparison.Ordinal);
        var texts = XDocument.Load(path).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
        Assert.Contains("x * x * x", texts);
        Assert.Contains("df/dx by central difference", texts);
        Assert.Equal([Path.GetFileName(path)], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void It_writes_a_png_of_the_plot_size()
    {
        var path = Path.Combine(_folder, "f.PNG");

        Assert.Equal(0, CommandRun.Of("plot", "x.sigmoid()", "--out", path).ExitCode);

        PictureFiles.AssertPng(path, FunctionPlot.Width, FunctionPlot.Height);
    }

    [Fact]
    public void A_smooth_function_shows_autodiff_and_central_difference_agreeing()
    {
        var run = CommandRun.Of("plot", "x * x", "--out", Path.Combine(_folder, "square.svg"));

        var gap = double.Parse(run.Output.Trim().Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(gap, 0, 1e-6);
    }

    [Fact]
    public void At_the_kink_of_relu_they_differ_by_one_half()
    {
        // At x = 0, relu's derivative is 0 by MiniTorch's rule, while (relu(ε) − relu(−ε)) / 2ε = 1/2.
        var run = CommandRun.Of("plot", "x.relu()", "--from", "-1", "--to", "1", "--out", Path.Combine(_folder, "relu.svg"));

        Assert.EndsWith("differ by at most 0.5", run.Output.Trim(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "x * y", "--at", "y=2" }, "x")]
    [InlineData(new[] { "x * y", "--at", "x=2" }, "y")]
    [InlineData(new[] { "x * y", "--var", "y", "--at", "x=2" }, "y")]
    public void The_plotted_variable_is_the_one_named_or_the_one_without_a_value(string[] args, string variable)
    {
        var run = CommandRun.Of(["plot", .. args, "--out", Path.Combine(_folder, "p.svg")]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"its derivative for {variable} from -3 to 3;", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_exits_2_with_one_line_and_writes_nothing(string[] args, string message)
    {
        string[] output = args.Contains("--out") ? [] : ["--out", Path.Combine(_folder, "p.svg")];
        var run = CommandRun.Of(["plot", .. args, .. output]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([message], run.ErrorLines);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void A_malformed_expression_exits_2_with_the_caret_like_grad()
    {
        var run = CommandRun.Of("plot", "x +", "--out", Path.Combine(_folder, "p.svg"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(CommandRun.Of("grad", "x +", "--at", "x=1").Error, run.Error);
    }

    [Fact]
    public void An_unused_at_value_is_a_warning_like_grad()
    {
        var run = CommandRun.Of("plot", "x * 2", "--at", "z=1", "--out", Path.Combine(_folder, "p.svg"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["warning: --at z=... is not used: the expression has no variable 'z'"], run.ErrorLines);
    }
}
