using System.CommandLine;
using System.Globalization;
using MiniTorch.Expressions;

namespace MiniTorch.Cli.Commands;

/// <summary>
/// <c>minitorch graph ["EXPR"] [--at x=1] [--out graph.svg|graph.png|graph.dot] [--lr]</c>: runs a backward pass and
/// draws the computation graph, like MiniTorch's show_expression.
/// </summary>
internal static class GraphCommand
{
    /// <summary>The expression drawn when none is given: the reference example of show_expression.</summary>
    public const string ReferenceExample = "(x * x) * y + 10.0 * x";

    private static readonly string[] Formats = [".svg", ".png", ".dot"];

    /// <summary>Creates the <c>graph</c> command.</summary>
    /// <param name="findDot">How to find Graphviz's <c>dot</c>; <see cref="Graphviz.FindDot"/> (the PATH) by default.</param>
    /// <returns>The command.</returns>
    public static Command Create(Func<string?>? findDot = null)
    {
        var expression = new Argument<string?>("expression")
        {
            Description = $"The expression; without one, the reference example \"{ReferenceExample}\" at x = y = 1.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var at = VariableValues.CreateOption();
        var output = new Option<string>("--out", "-o")
        {
            Description = "The file to write: .svg or .png (drawn by Graphviz's dot), or .dot (the graph description).",
            HelpName = "FILE",
            DefaultValueFactory = _ => "graph.svg",
        };
        var leftToRight = new Option<bool>("--lr") { Description = "Lay the graph out from left to right instead of top to bottom." };
        var command = new Command("graph", "Draw the computation graph of an expression after a backward pass, with values and derivatives.")
        {
            expression,
            at,
            output,
            leftToRight,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(expression),
            parseResult.GetValue(at) ?? [],
            parseResult.GetValue(output) ?? "graph.svg",
            parseResult.GetValue(leftToRight),
            findDot ?? Graphviz.FindDot,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(
        string? text,
        string[] assignments,
        string outputPath,
        bool leftToRight,
        Func<string?> findDot,
        TextWriter output,
        TextWriter error)
    {
        if (!VariableValues.TryParse(assignments, out var values, out var problem))
        {
            error.WriteLine(problem);
            return MiniTorchCommand.UsageError;
        }

        var extension = Path.GetExtension(outputPath).ToLowerInvariant();
        if (!Formats.Contains(extension))
        {
            error.WriteLine($"--out {outputPath}: unknown file type '{extension}': use .svg, .png or .dot");
            return MiniTorchCommand.UsageError;
        }

        if (text is null)
        {
            text = ReferenceExample;
            values.TryAdd("x", 1.0);
            values.TryAdd("y", 1.0);
        }

        var dotExecutable = extension == ".dot" ? null : findDot();
        if (extension != ".dot" && dotExecutable is null)
        {
            error.WriteLine(Graphviz.NotFoundMessage);
            return MiniTorchCommand.UsageError;
        }

        if (!ExpressionInput.TryEvaluate(text, values, error, out _, out var evaluation))
        {
            return MiniTorchCommand.UsageError;
        }

        evaluation.Output.Backward();
        var dot = GraphExport.ToDot(evaluation.Output, new DotOptions { LeftToRight = leftToRight });
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

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {outputPath}: {text} = {evaluation.Output.Data:R}"));
        return 0;
    }
}
