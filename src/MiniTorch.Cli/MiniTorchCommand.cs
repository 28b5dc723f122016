using System.CommandLine;
using System.CommandLine.Help;

namespace MiniTorch.Cli;

/// <summary>The <c>minitorch</c> command line: the root command and the exit-code conventions shared by its subcommands.</summary>
internal static class MiniTorchCommand
{
    /// <summary>Exit code for a run that failed for a reason other than how it was called.</summary>
    public const int Failure = 1;

    /// <summary>Exit code for a usage error: an unknown option, a bad value, a missing argument.</summary>
    public const int UsageError = 2;

    /// <summary>Builds the root command with every subcommand.</summary>
    /// <returns>The command tree.</returns>
    public static Command Create()
    {
        // A plain command named "minitorch" rather than RootCommand, whose name would be the assembly's file name.
        var root = new Command(
            "minitorch",
            "MiniTorch for .NET: scalar reverse-mode automatic differentiation, after MiniTorch Modules 0 and 1.")
        {
            new HelpOption(),
            new VersionOption(),
            Commands.GradCommand.Create(),
            Commands.GraphCommand.Create(),
            Commands.TrainCommand.Create(),
            Commands.EvalCommand.Create(),
            Commands.BenchCommand.Create(),
        };
        return root;
    }

    /// <summary>Parses <paramref name="args"/> and runs the chosen command, writing to the given streams.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="output">Where normal output goes.</param>
    /// <param name="error">Where error messages go.</param>
    /// <returns>The exit code: 0 on success, <see cref="UsageError"/> for a malformed command line.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var parseResult = Create().Parse(args);
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
            {
                error.WriteLine(parseError.Message);
            }

            error.WriteLine("Run 'minitorch --help' to see the commands and options.");
            return UsageError;
        }

        return parseResult.Invoke(configuration);
    }
}
