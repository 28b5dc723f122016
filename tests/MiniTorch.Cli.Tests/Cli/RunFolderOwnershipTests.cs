using CsCheck;
using MiniTorch.Cli;
using MiniTorch.Cli.Commands;

using MiniTorch.Runs;

namespace MiniTorch.Tests.Cli;

/// <summary>
/// Task 1.5: a training run's --out folder is one unit. A second run into a folder in use is refused; a run that is
/// killed at any moment leaves the folder complete or without any file of its own, and never neither run (a run killed
/// while publishing leaves the earlier one aside, which the next run puts back); a new run replaces every file any
/// earlier run wrote; a folder of other files is never replaced; any folder name up to 255 bytes works.
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

    [Fact]
    public void Every_file_any_train_option_writes_is_replaced_by_the_next_run()
    {
        var run = Path.Combine(_folder, "run");

        Assert.Equal(0, CommandRun.Of("train", "--snapshots", "0,1", "--points", "6", "--epochs", "2", "--out", run).ExitCode);
        Assert.Equal(0, CommandRun.Of("train", "--dataset", "all", "--snapshots", "0,2", "--points", "6", "--epochs", "2", "--out", run).ExitCode);
        Assert.True(File.Exists(Path.Combine(run, "spiral", "snapshots.png")));
        Assert.Equal(0, CommandRun.Of("train", "--points", "6", "--epochs", "2", "--out", run).ExitCode);

        Assert.Equal(["boundary.png", "boundary.svg", "log.csv", "loss.png", "loss.svg", "model.json"], Snapshot(run).Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(214, 'a')]
    [InlineData(255, 'a')]
    [InlineData(127, 'é')]
    public void A_folder_name_of_up_to_255_bytes_is_written_and_replaced_and_the_hidden_names_beside_it_stay_within_255(int length, char letter)
    {
        var run = Path.Combine(_folder, new string(letter, length));

        var first = CommandRun.Of("train", "--points", "6", "--epochs", "2", "--out", run);
        var second = CommandRun.Of("train", "--points", "6", "--epochs", "3", "--out", run);

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Equal(4, File.ReadAllLines(Path.Combine(run, "log.csv")).Length);
        var entries = Directory.GetFileSystemEntries(_folder).Select(Path.GetFileName).ToArray();
        Assert.Equal(2, entries.Length);
        Assert.All(entries, name => Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(name!), 1, 255));
    }

    [Fact]
    public void A_folder_name_over_255_bytes_is_refused_with_one_line_naming_the_folder_given()
    {
        var run = Path.Combine(_folder, new string('a', 256));

        var result = CommandRun.Of("train", "--epochs", "1", "--out", run);

        Assert.Equal(MiniTorchCommand.UsageError, result.ExitCode);
        Assert.Equal([$"cannot write to --out '{run}': the folder's name takes 256 bytes, and a name may take at most 255; choose a shorter one"], result.ErrorLines);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [SkippableFact]
    public void A_run_killed_between_the_two_moves_of_publishing_keeps_the_earlier_run_aside_and_the_next_run_puts_it_back()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "runs the built CLI as a child process");
        var run = Path.Combine(_folder, "run");
        var aside = Path.Combine(_folder, ".run.previous");
        Assert.Equal(0, CommandRun.Of("train", "--dataset", "circle", "--points", "6", "--epochs", "2", "--out", run).ExitCode);
        var earlier = Snapshot(run);

        // The variable holds the publication between its two moves for good; the test then kills the process there.
        var hold = new Dictionary<string, string> { [OwnedRunFolder.HoldPublishVariable] = "1" };
        using (var child = CliProcess.StartWith(hold, "train", "--points", "6", "--epochs", "3", "--out", run))
        {
            WaitFor(() => Directory.Exists(aside) && !Directory.Exists(run));
            Assert.Equal(earlier, Snapshot(aside));
            child.KillNow();
            child.WaitForExit();
        }

        OwnedRunFolder.Claim(run).Dispose();

        Assert.Equal(earlier, Snapshot(run));
        Assert.Equal([".run.lock", "run"], Directory.GetFileSystemEntries(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_earlier_run_left_aside_beside_a_new_run_in_place_is_removed_by_the_next_run()
    {
        var run = Path.Combine(_folder, "run");
        Assert.Equal(0, CommandRun.Of("train", "--points", "6", "--epochs", "2", "--out", run).ExitCode);
        var published = Snapshot(run);
        var aside = Directory.CreateDirectory(Path.Combine(_folder, ".run.previous")).FullName;
        File.WriteAllText(Path.Combine(aside, "log.csv"), "epoch,loss,correct\n");

        OwnedRunFolder.Claim(run).Dispose();

        Assert.Equal(published, Snapshot(run));
        Assert.False(Directory.Exists(aside));
    }

    // A bounded wait for the child to reach a state; the bound guards against a hang only.
    private static void WaitFor(Func<bool> condition)
    {
        for (var attempt = 0; attempt < 1200 && !condition(); attempt++)
        {
            Thread.Sleep(100);
        }

        Assert.True(condition(), "the child did not get there within two minutes");
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(
                f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))))
            : [];
}
