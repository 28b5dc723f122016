using System.Text;
using MiniTorch.Cli;

namespace MiniTorch.Tests.Cli;

/// <summary>
/// Task 1.4: <c>grad</c>, <c>graph</c> and <c>plot</c> read the expression from a file with <c>--file F</c>, or from
/// standard input with <c>--file -</c>, so that an expression too long for a command line (128 KiB per argument on
/// Linux) reaches the command; the file follows the rules of every file a user names (a regular file, at most 4 MiB,
/// UTF-8), and each problem is one line with exit code 2.
/// </summary>
[Trait("Task", "1.4")]
public sealed class ExpressionFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("minitorch-expression-file-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Grad_reads_the_expression_of_a_file_as_it_reads_the_argument()
    {
        var file = Write("f.txt", "(x * x) * y + 10.0 * x\n");

        var fromFile = CommandRun.Of("grad", "--file", file, "--at", "x=2", "--at", "y=3", "--check");
        var fromArgument = CommandRun.Of("grad", "(x * x) * y + 10.0 * x", "--at", "x=2", "--at", "y=3", "--check");

        Assert.Equal((0, string.Empty), (fromFile.ExitCode, fromFile.Error));
        Assert.Equal(fromArgument.Output, fromFile.Output);
    }

    [Fact]
    public void Graph_and_plot_read_the_file_too()
    {
        var file = Write("f.txt", "x * x * x");
        var dot = Path.Combine(_folder, "g.dot");
        var svg = Path.Combine(_folder, "p.svg");

        var graph = CommandRun.Of("graph", "--file", file, "--at", "x=2", "--out", dot);
        var plot = CommandRun.Of("plot", "--file", file, "--out", svg);

        Assert.Equal($"wrote {dot}: x * x * x = 8\n", graph.Output);
        Assert.Equal(0, plot.ExitCode);
        Assert.StartsWith("digraph", File.ReadAllText(dot), StringComparison.Ordinal);
        Assert.True(File.Exists(svg));
    }

    [Fact]
    public void A_dash_reads_standard_input()
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes("x * y\n"));

        var run = CommandRun.In(CommandRun.Quick with { OpenStandardInput = () => input }, "grad", "--file", "-", "--at", "x=2", "--at", "y=5");

        Assert.Equal("value  10\nvariable  derivative\nx         5\ny         2\n", run.Output);
    }

    [Theory]
    [InlineData("grad")]
    [InlineData("graph")]
    [InlineData("plot")]
    public void A_lone_dash_as_the_expression_is_one_line_exit_2_that_points_to_file_dash(string command)
    {
        var run = CommandRun.Of(command, "-");

        Assert.Equal(MiniTorchCommand.UsageError, run.ExitCode);
        Assert.Equal(["'-' alone is not an expression; to read the expression from standard input, give --file -"], run.ErrorLines);
    }

    [SkippableFact]
    public void An_expression_over_128_KiB_reaches_the_command_through_standard_input()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "pipes the expression through /bin/sh");
        // 50,001 terms "x + " long: 200 KB, more than Linux lets one argument be; a pipe has no such limit.
        using var child = CliProcess.Shell("{ yes 'x +' | head -n 50000 | tr '\\n' ' '; echo x; } | exec dotnet \"$0\" grad --file - --at x=1");

        var (exitCode, output, error) = child.WaitForExit();

        Assert.True(exitCode == 0, error);
        Assert.Equal("value  50001\nvariable  derivative\nx         50001\n", output);
    }

    [Theory]
    [InlineData("grad")]
    [InlineData("plot")]
    public void Neither_an_expression_nor_a_file_is_one_line_exit_2(string command)
    {
        var run = CommandRun.Of(command);

        Assert.Equal(MiniTorchCommand.UsageError, run.ExitCode);
        Assert.Equal(["give an expression, for example \"x * x\", or --file FILE to read it from a file (- for standard input)"], run.ErrorLines);
    }

    [Theory]
    [InlineData("grad")]
    [InlineData("graph")]
    [InlineData("plot")]
    public void Both_an_expression_and_a_file_is_one_line_exit_2(string command)
    {
        var file = Write("f.txt", "x");

        var run = CommandRun.Of(command, "x * x", "--file", file, "--at", "x=1");

        Assert.Equal(MiniTorchCommand.UsageError, run.ExitCode);
        Assert.Equal(["give the expression either as an argument or with --file, not both"], run.ErrorLines);
    }

    [Fact]
    public void A_file_over_4_MiB_is_refused()
    {
        var file = Write("big.txt", string.Concat(Enumerable.Repeat("x + ", 1_100_000)) + "x");

        var run = CommandRun.Of("grad", "--file", file, "--at", "x=1");

        Assert.Equal([$"cannot read --file '{file}': it is larger than 4194304 bytes, the most an expression may take"], run.ErrorLines);
    }

    [Fact]
    public void Standard_input_over_4_MiB_is_refused()
    {
        using var input = new MemoryStream(new byte[(4 * 1024 * 1024) + 1]);

        var run = CommandRun.In(CommandRun.Quick with { OpenStandardInput = () => input }, "grad", "--file", "-");

        Assert.Equal(["cannot read --file standard input: it is larger than 4194304 bytes, the most an expression may take"], run.ErrorLines);
    }

    [Fact]
    public void A_folder_a_missing_file_or_text_that_is_not_utf8_is_one_line_exit_2()
    {
        var latin1 = Path.Combine(_folder, "latin1.txt");
        File.WriteAllBytes(latin1, [(byte)'x', 0xE9]);
        var missing = Path.Combine(_folder, "absent.txt");

        var folder = CommandRun.Of("grad", "--file", _folder);
        var absent = CommandRun.Of("grad", "--file", missing);
        var encoding = CommandRun.Of("grad", "--file", latin1);

        Assert.Equal([$"cannot read --file '{_folder}': it is a directory, not a regular file"], folder.ErrorLines);
        Assert.Equal([$"cannot read --file '{missing}': Could not find file '{missing}'."], absent.ErrorLines);
        Assert.Equal([$"cannot read --file '{latin1}': it is not valid UTF-8 (byte offset 1); save it as UTF-8"], encoding.ErrorLines);
        Assert.All(new[] { folder, absent, encoding }, run => Assert.Equal(MiniTorchCommand.UsageError, run.ExitCode));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
