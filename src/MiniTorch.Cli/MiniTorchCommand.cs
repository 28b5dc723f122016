using System.CommandLine;
using System.CommandLine.Help;
using MiniTorch.Cli.Commands;

namespace MiniTorch.Cli;

/// <summary>
/// The <c>minitorch</c> command line: the root command and the one place that turns problems into exit codes. Every
/// subcommand is a sealed class that declares its options, reads and checks them in its <c>Run</c>, throws a
/// <see cref="UsageException"/> for bad input and returns 0 or <see cref="Failure"/>; a standard stream that cannot be
/// written ends any command with <see cref="OutputBroken"/>.
/// </summary>
internal static class MiniTorchCommand
{
    /// <summary>Exit code for a run that failed for a reason other than how it was called.</summary>
    public const int Failure = 1;

    /// <summary>Exit code for a usage error: an unknown option, a bad value, a missing argument.</summary>
    public const int UsageError = 2;

    /// <summary>Exit code when standard output or standard error cannot be written (EX_IOERR of sysexits.h).</summary>
    public const int OutputBroken = 74;

    /// <summary>Exit code for training stopped by Ctrl+C, SIGINT or SIGTERM after writing its files (128 + SIGINT).</summary>
    public const int Interrupted = 130;

    /// <summary>Builds the root command with every subcommand.</summary>
    /// <param name="environment">What the commands take from the machine; <see cref="CommandEnvironment.Default"/> when null.</param>
    /// <returns>The command tree.</returns>
    public static Command Create(CommandEnvironment? environment = null)
    {
        environment ??= CommandEnvironment.Default;
        // A plain command named "minitorch" rather than RootCommand, whose name would be the assembly's file name.
        var root = new Command(
            "minitorch",
            "MiniTorch for .NET: scalar reverse-mode automatic differentiation, after MiniTorch Modules 0 and 1.")
        {
            new HelpOption(),
            new VersionOption(),
            GradCommand.Create(environment.OpenStandardInput),
            GraphCommand.Create(environment.FindDot, environment.OpenStandardInput),
            PlotCommand.Create(environment.OpenStandardInput),
            TrainCommand.Create(),
            EvalCommand.Create(),
            // course: omit: bench times the tape and the hand-written trainer, which the course has not
            BenchCommand.Create(environment.BenchTiming),
            // course: end
            ServeCommand.Create(),
        };
        return root;
    }

    /// <summary>Parses <paramref name="args"/> and runs the chosen command, writing to the given streams.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="output">Where normal output goes.</param>
    /// <param name="error">Where error messages go.</param>
    /// <returns>The command's exit code: 0, <see cref="Failure"/>, or <see cref="UsageError"/> for a bad command line.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(Create(), args, output, error);

    /// <summary>Parses <paramref name="args"/> against <paramref name="root"/> and runs the chosen command.</summary>
    /// <param name="root">The command tree, from <see cref="Create"/>.</param>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="output">Where normal output goes.</param>
    /// <param name="error">Where error messages go.</param>
    /// <returns>
    /// The command's exit code: 0, <see cref="Failure"/>, <see cref="UsageError"/> for a bad command line,
    /// <see cref="OutputBroken"/> when standard output or error cannot be written, or <see cref="Interrupted"/>.
    /// </returns>
    public static int Run(Command root, string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var guardedError = new GuardedWriter(error, "standard error");
        try
        {
            return Invoke(root, args, new GuardedWriter(output, "standard output"), guardedError);
        }
        catch (BrokenOutputException problem)
        {
            TryWriteLine(error, problem.Message);
            return OutputBroken;
        }
    }

    private static int Invoke(Command root, string[] args, TextWriter output, TextWriter error)
    {
        var parseResult = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
            {
                error.WriteLine(parseError.Message);
            }

            error.WriteLine("Run 'minitorch --help' to see the commands and options.");
            return UsageError;
        }

        try
        {
            return parseResult.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException problem)
        {
            error.WriteLine(problem.Message);
            return UsageError;
        }
    }

    // The message about a broken stream goes to standard error, which may be the broken one: then there is nowhere to say it.
    private static void TryWriteLine(TextWriter error, string line)
    {
        try
        {
            error.WriteLine(line);
        }
        catch (Exception problem) when (problem is IOException or ObjectDisposedException)
        {
            return;
        }
    }
}
