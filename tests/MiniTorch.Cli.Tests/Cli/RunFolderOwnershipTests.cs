using CsCheck;
using MiniTorch.Cli;

using MiniTorch.Runs;

namespace MiniTorch.Tests.Cli;

/// <summary>
/// Task 1.5: a training run's --out folder is one unit. A second run into a folder in use is refused; a run that is
/// killed at any moment leaves the folder complete or without any file of its own; a new run replaces the old run's
/// files all together; a folder of other files is never replaced.
/// </summary>
[Trait("Task", "1.5")]
public sealed class RunFolderOwnershipTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("minitorch-owned-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [SkippableFact]
    public void A_second_run_into_a_folder_in_use_exits_2_with_one_line_and_the_first_run_keeps_it()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "stopping the first run needs a Unix 'kill'");
        var run = Path.Combine(_folder, "run");
        using var first = CliProcess.Start("train", "--epochs", "2000000000", "--points", "10", "--hidden", "2", "--out", run);
        first.WaitForLine("Epoch ");

        var second = CommandRun.Of("train", "--dataset", "circle", "--points", "9", "--epochs", "3", "--out", run);
        first.Signal("INT");
        var (exitCode, _, _) = first.WaitForExit();

        Assert.Equal(MiniTorchCommand.UsageError, second.ExitCode);
        Assert.Equal([$"--out '{run}' is in use by another training run; wait for it to finish or choose another --out"], second.ErrorLines);
        Assert.Equal(MiniTorchCommand.Interrupted, exitCode);
        var model = ModelFile.Load(Path.Combine(run, "model.json"));
        Assert.Equal("Xor", model.Settings.Dataset);
        Assert.Equal(File.ReadAllLines(Path.Combine(run, "log.csv")).Length - 1, model.CompletedEpochs);
    }

    [SkippableFact]
    public void A_run_killed_at_any_moment_leaves_the_earlier_run_whole_or_its_own_run_whole()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "runs the built CLI as a child process");
        var run = Path.Combine(_folder, "run");
        Assert.Equal(0, CommandRun.Of("train", "--dataset", "all", "--points", "6", "--epochs", "2", "--out", run).ExitCode);
        var earlier = Snapshot(run);

        Gen.Int[0, 2500].Sample(
            delay =>
            {
                using (var child = CliProcess.Start("train", "--dataset", "circle", "--points", "40", "--hidden", "40", "--epochs", "30", "--seed", "9", "--out", run))
                {
                    Thread.Sleep(delay);
                    child.KillNow();
                    child.WaitForExit();
                }

                var now = Snapshot(run);
                if (now.ContainsKey("summary.md"))
                {
                    Assert.Equal(earlier, now);
                }
                else
                {
                    Assert.Equal(["boundary.png", "boundary.svg", "log.csv", "loss.png", "loss.svg", "model.json"], now.Keys.Order(StringComparer.Ordinal));
                    Assert.Equal(9UL, ModelFile.Load(Path.Combine(run, "model.json")).Settings.Seed);
                    Assert.Equal(0, CommandRun.Of("train", "--dataset", "all", "--points", "6", "--epochs", "2", "--out", run).ExitCode);
                    earlier = Snapshot(run);
                }
            },
            iter: 6,
            threads: 1);
    }

    [Fact]
    public void A_new_run_replaces_every_file_of_the_earlier_run()
    {
        var run = Path.Combine(_folder, "run");
        Assert.Equal(0, CommandRun.Of("train", "--dataset", "all", "--points", "6", "--epochs", "2", "--out", run).ExitCode);

        Assert.Equal(0, CommandRun.Of("train", "--points", "6", "--epochs", "2", "--out", run).ExitCode);

        Assert.Equal(["boundary.png", "boundary.svg", "log.csv", "loss.png", "loss.svg", "model.json"], Snapshot(run).Keys.Order(StringComparer.Ordinal));
        Assert.Equal([".run.lock", "run"], Directory.GetFileSystemEntries(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_diverging_run_replaces_the_earlier_run_so_its_log_never_sits_beside_an_old_model()
    {
        var run = Path.Combine(_folder, "run");
        Assert.Equal(0, CommandRun.Of("train", "--points", "6", "--epochs", "2", "--out", run).ExitCode);

        Assert.Equal(MiniTorchCommand.Failure, CommandRun.Of("train", "--points", "20", "--rate", "1e300", "--epochs", "50", "--out", run).ExitCode);

        Assert.False(File.Exists(Path.Combine(run, "model.json")));
        Assert.True(File.Exists(Path.Combine(run, "log.csv")));
    }

    [Fact]
    public void A_folder_holding_other_files_is_refused_and_left_alone()
    {
        var notes = Path.Combine(_folder, "notes.txt");
        File.WriteAllText(notes, "mine");

        var run = CommandRun.Of("train", "--epochs", "1", "--out", _folder);

        Assert.Equal(MiniTorchCommand.UsageError, run.ExitCode);
        Assert.Equal([$"--out '{_folder}' holds 'notes.txt', which is not a training run's file; choose an empty or new folder"], run.ErrorLines);
        Assert.Equal([notes], Directory.GetFileSystemEntries(_folder));
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(
                f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))))
            : [];
}
