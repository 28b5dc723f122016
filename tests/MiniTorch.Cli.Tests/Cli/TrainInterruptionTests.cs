using System.Globalization;
using MiniTorch.Cli;

using MiniTorch.Runs;

namespace MiniTorch.Tests.Cli;

/// <summary>
/// Task 1.5: Ctrl+C (SIGINT) and SIGTERM stop <c>minitorch train</c> between epochs, keep the files of the epochs done
/// with model.json marked as interrupted, print one line and exit 130; once training has ended, a signal stops the
/// drawing of the pictures, with log.csv and model.json in place; sent to the built CLI in a child process.
/// </summary>
[Trait("Task", "1.5")]
public sealed class TrainInterruptionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("minitorch-interrupt-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [SkippableTheory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public void A_signal_stops_training_and_keeps_the_epochs_done(string signal)
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "sending SIGINT and SIGTERM needs a Unix 'kill'");
        var run = Path.Combine(_folder, "run");
        using var child = CliProcess.Start("train", "--epochs", "2000000000", "--points", "10", "--hidden", "3", "--out", run);

        child.WaitForLine("Epoch ");
        child.Signal(signal);
        var (exitCode, _, error) = child.WaitForExit();

        Assert.Equal(MiniTorchCommand.Interrupted, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches($"^training interrupted at epoch [0-9]+; wrote {run}$", line);
        var epoch = int.Parse(line.Split(' ')[4].TrimEnd(';'), CultureInfo.InvariantCulture);
        Assert.Equal(epoch + 1, File.ReadAllLines(Path.Combine(run, "log.csv")).Length);
        var model = ModelFile.Load(Path.Combine(run, "model.json"));
        Assert.Equal(epoch, model.CompletedEpochs);
        Assert.Contains("\"interrupted\": true", File.ReadAllText(Path.Combine(run, "model.json")), StringComparison.Ordinal);
        foreach (var picture in new[] { "boundary.png", "boundary.svg", "loss.png", "loss.svg" })
        {
            Assert.True(File.Exists(Path.Combine(run, picture)), picture);
        }
    }

    [SkippableFact]
    public void A_signal_while_the_pictures_are_drawn_stops_the_drawing_and_exits_130_with_the_log_and_model_in_place()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "sending SIGINT needs a Unix 'kill'");
        var run = Path.Combine(_folder, "run");
        // "Trained ..." is printed when the last epoch has ended, before the pictures: the boundary of a network this
        // wide takes seconds to draw, one row of pixels after another, and the signal is sent within milliseconds.
        using var child = CliProcess.Start("train", "--hidden", "300", "--points", "2", "--epochs", "1", "--engine", "graph", "--out", run);

        child.WaitForLine("Trained ");
        child.Signal("INT");
        var (exitCode, output, error) = child.WaitForExit();

        Assert.Equal(MiniTorchCommand.Interrupted, exitCode);
        Assert.Equal($"drawing interrupted after the last epoch (1); wrote {run} without the pictures not yet drawn\n", error);
        Assert.DoesNotContain("Wrote", output, StringComparison.Ordinal);
        Assert.Equal(2, File.ReadAllLines(Path.Combine(run, "log.csv")).Length);
        Assert.Null(ModelFile.Load(Path.Combine(run, "model.json")).CompletedEpochs);
        Assert.False(File.Exists(Path.Combine(run, "boundary.png")));
    }

    [SkippableFact]
    public void A_second_signal_ends_the_process_at_once_and_the_folder_keeps_no_file_of_the_run()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "sending SIGINT and SIGTERM needs a Unix 'kill'");
        var run = Path.Combine(_folder, "run");
        // The first signal lets the epoch in progress finish: a graph-engine epoch of this network lasts hundreds of
        // milliseconds, so the second signal, sent right after, lands while the first is still being honoured.
        using var child = CliProcess.Start("train", "--epochs", "2000000000", "--points", "200", "--hidden", "40", "--engine", "graph", "--out", run);

        child.WaitForLine("Epoch ");
        child.Signal("INT");
        child.Signal("TERM");
        var (exitCode, _, error) = child.WaitForExit();

        // The runtime may hand the two signals to their handlers in either order; the second one ends the process.
        Assert.Contains(exitCode, new[] { 128 + 2, 128 + 15 });
        Assert.DoesNotContain("training interrupted", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(run));
    }

    [Fact]
    public void An_interrupted_model_file_reads_back_with_its_completed_epochs_and_a_complete_one_without()
    {
        var settings = new TrainingSettings("Xor", 4, 2, 0.5, 100, 1);
        var network = settings.CreateNetwork();
        var interrupted = ModelFile.FromJson(ModelFile.ToJson(new TrainedModel(network, settings, 1.5, 3) { CompletedEpochs = 37 }));
        var complete = ModelFile.FromJson(ModelFile.ToJson(new TrainedModel(network, settings, 1.5, 3)));

        Assert.Equal(37, interrupted.CompletedEpochs);
        Assert.Null(complete.CompletedEpochs);
        Assert.DoesNotContain("interrupted", ModelFile.ToJson(new TrainedModel(network, settings, 1.5, 3)), StringComparison.Ordinal);
    }
}
