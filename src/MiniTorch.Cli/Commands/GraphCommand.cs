using System.CommandLine;
using System.Globalization;
using MiniTorch.Expressions;

using MiniTorch.Runs;

namespace MiniTorch.Cli.Commands;

/// <summary>
/// <c>minitorch graph ["EXPR"] [--at x=1] [--out graph.svg|graph.png|graph.dot] [--lr]</c>: runs a backward pass and
/// draws the computation graph, like MiniTorch's show_expression.
/// </summary>
internal sealed class GraphCommand
{
    /// <summary>The expression drawn when none is given: the reference example of show_expression.</summary>
    public const string ReferenceExample = "(x * x) * y + 10.0 * x";

    private static readonly string[] Formats = [".svg", ".png", ".dot"];

    private readonly Func<string?> _findDot;
    private readonly Func<Stream> _openStandardInput;

    private readonly Argument<string?> _expression = new("expression")
    {
        Description = $"The expression (or give --file); without either, the reference example \"{ReferenceExample}\" at x = y = 1.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private readonly Option<string?> _file = ExpressionInput.FileOption();

    private readonly Option<string[]> _at = CommonOptions.At();
    private readonly Option<string> _out = new("--out", "-o")
    {
        Description = "The file to write: .svg or .png (drawn by Graphviz's dot), or .dot (the graph description).",
        HelpName = "FILE",
        DefaultValueFactory = _ => "graph.svg",
    };

    private readonly Option<bool> _leftToRight = new("--lr") { Description = "Lay the graph out from left to right instead of top to bottom." };

    private GraphCommand(Func<string?> findDot, Func<Stream> openStandardInput)
    {
        _findDot = findDot;
        _openStandardInput = openStandardInput;
    }

    /// <summary>Builds the <c>graph</c> command.</summary>
    /// <param name="findDot">How to find Graphviz's <c>dot</c>, for example <see cref="Graphviz.FindDot"/> (the PATH).</param>
    /// <param name="openStandardInput">Opens standard input, for <c>--file -</c>.</param>
    /// <returns>The command, ready to add to the root.</returns>
    public static Command Create(Func<string?> findDot, Func<Stream> openStandardInput) => new GraphCommand(findDot, openStandardInput).Build();

    private Command Build()
    {
        var command = new Command("graph", "Draw the computation graph of an expression after a backward pass, with values and derivatives.")
        {
            _expression, _file, _at, _out, _leftToRight,
        };
        command.SetAction(Run);
        return command;
    }

    private int Run(ParseResult parseResult)
    {
        var values = VariableValues.Parse(parseResult.GetValue(_at) ?? []);
        var outputPath = parseResult.GetValue(_out)!;
        var extension = Path.GetExtension(outputPath).ToLowerInvariant();
        if (!Formats.Contains(extension))
        {
            throw new UsageException($"--out {outputPath}: unknown file type '{extension}': use .svg, .png or .dot");
        }

        var argument = parseResult.GetValue(_expression);
        var file = parseResult.GetValue(_file);
        var text = ExpressionInput.Text(argument, file, _openStandardInput, fallback: ReferenceExample);
        if (argument is null && file is null)
        {
            values.TryAdd("x", 1.0);
            values.TryAdd("y", 1.0);
        }

        var dotExecutable = extension == ".dot" ? null : _findDot() ?? throw new UsageException(Graphviz.NotFoundMessage);
        var error = parseResult.InvocationConfiguration.Error;
        var (_, evaluation) = ExpressionInput.Evaluate(text, values, error);
        evaluation.Output.Backward();
        var dot = GraphExport.ToDot(evaluation.Output, new DotOptions { LeftToRight = parseResult.GetValue(_leftToRight) });
        try
        {
            AtomicFile.Write(outputPath, temporary =>
            {
                if (dotExecutable is null)
                {
                    File.WriteAllText(temporary, dot);
                }
                else
                {
                    Graphviz.Render(dotExecutable, dot, extension[1..], temporary);
                }
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"cannot write {outputPath}: {e.Message}");
            return MiniTorchCommand.Failure;
        }

        parseResult.InvocationConfiguration.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {outputPath}: {TextExcerpt.Shorten(text)} = {evaluation.Output.Data:R}"));
        return 0;
    }
}
