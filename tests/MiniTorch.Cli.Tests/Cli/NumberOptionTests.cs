using MiniTorch.Cli;

namespace MiniTorch.Tests.Cli;

/// <summary>
/// Every number on the command line follows one rule whatever the machine's culture: whole numbers are ASCII digits
/// with an optional sign, decimals are <c>DecimalNumber</c>'s (as in expressions and <c>--at</c>); a comma, a group
/// separator, a space or a word is refused with exit code 2 and a message naming the option, never read as another
/// number (<c>--rate 1,5</c> trained at 15) and never with a .NET type name.
/// </summary>
[Trait("Task", "1.5")]
public sealed class NumberOptionTests : IDisposable
{
    private const string DecimalRule = "only finite decimal numbers are accepted, such as 2, -0.5 or 1e-3";

    private readonly string _folder = Directory.CreateTempSubdirectory("minitorch-numbers-").FullName;

    public static TheoryData<string[], string> Refused => new()
    {
        { ["train", "--rate", "1,5"], $"--rate '1,5': '1,5' is not a number: {DecimalRule}" },
        { ["train", "--rate", "5,"], $"--rate '5,': '5,' is not a number: {DecimalRule}" },
        { ["train", "--rate", "1,000"], $"--rate '1,000': '1,000' is not a number: {DecimalRule}" },
        { ["train", "--rate", "NaN"], $"--rate 'NaN': 'NaN' is not a finite decimal number: {DecimalRule}" },
        { ["train", "--rate", "1e999"], "--rate '1e999': number 1e999 is too large: only finite decimal numbers are accepted, and a double holds at most about 1.8e308" },
        { ["train", "--rate", " 0.5"], $"--rate ' 0.5': ' 0.5' is not a number: {DecimalRule}" },
        { ["train", "--points", "1,000"], "--points must be a whole number between 2 and 100000 (got '1,000')" },
        { ["train", "--hidden", "1e1"], "--hidden must be a whole number between 1 and 1000 (got '1e1')" },
        { ["train", "--epochs", "5,"], "--epochs must be a whole number of at least 1 (got '5,')" },
        { ["train", "--seed", "1,5"], "--seed must be a whole number from 0 to 18446744073709551615 (got '1,5')" },
        { ["train", "--seed", "-1"], "--seed must be a whole number from 0 to 18446744073709551615 (got '-1')" },
        { ["train", "--seed", "18446744073709551616"], "--seed must be a whole number from 0 to 18446744073709551615 (got '18446744073709551616')" },
        { ["train", "--threads", "0x2"], "--threads must be a whole number between 1 and 64 (got '0x2')" },
        { ["eval", "--model", "m.json", "--points", "2,5"], "--points must be a whole number between 2 and 100000 (got '2,5')" },
        { ["eval", "--model", "m.json", "--seed", "7.0"], "--seed must be a whole number from 0 to 18446744073709551615 (got '7.0')" },
        { ["serve", "--port", "5,000"], "--port must be a whole number between 0 and 65535 (got '5,000')" },
        { ["bench", "--repeat", "1,5"], "--repeat must be a whole number of at least 1 (got '1,5')" },
        { ["bench", "--epochs", "1e3"], "--epochs must be a whole number of at least 1 (got '1e3')" },
    };

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_number_outside_the_rule_exits_2_naming_the_option_and_the_rule(string[] args, string message)
    {
        var run = CommandRun.Of(args[0] is "train" or "eval" ? [.. args, "--out", _folder] : args);

        Assert.Equal(MiniTorchCommand.UsageError, run.ExitCode);
        Assert.Equal([message, "Run 'minitorch --help' to see the commands and options."], run.ErrorLines);
        Assert.DoesNotContain("System.", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Theory]
    [InlineData("--rate", "0.25")]
    [InlineData("--rate", ".5")]
    [InlineData("--rate", "2e-1")]
    [InlineData("--seed", "18446744073709551615")]
    [InlineData("--points", "+12")]
    public void A_number_by_the_rule_is_read(string option, string value)
    {
        var run = CommandRun.Of("train", option, value, "--epochs", "1", "--hidden", "2", "--out", _folder);

        Assert.Equal(0, run.ExitCode);
    }

    [SkippableFact]
    public void Rate_with_a_comma_is_refused_by_the_command_itself()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "runs the built CLI as a child process");
        var run = Path.Combine(_folder, "run");
        using var child = CliProcess.Start("train", "--rate", "1,5", "--epochs", "1", "--out", run);

        var (exitCode, _, error) = child.WaitForExit();

        Assert.Equal(MiniTorchCommand.UsageError, exitCode);
        Assert.StartsWith("--rate '1,5': '1,5' is not a number", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(run));
    }
}
