using MiniTorch.Runs;

namespace MiniTorch.Tests.Runs;

/// <summary>
/// Task 1.5's boundary picture can be stopped: a drawing whose stop is cancelled before the network is recorded writes
/// nothing, and one that may be stopped but is not draws the same picture as one that cannot be.
/// </summary>
[Trait("Task", "1.5")]
public sealed class RunFolderTests : IDisposable
{
    private static readonly TrainingSettings Small = new("xor", 12, 3, 0.5, 2, 4);

    private readonly string _folder = Directory.CreateTempSubdirectory("minitorch-run-folder-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_boundary_stopped_before_the_network_is_recorded_writes_nothing()
    {
        using var stop = new CancellationTokenSource();
        stop.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => RunFolder.WriteBoundary(_folder, "boundary", Small.CreateNetwork(), Small.CreateDataset(), "caption", stop: stop.Token));

        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public void A_boundary_that_may_be_stopped_but_is_not_is_the_picture_drawn_without_a_stop()
    {
        using var stop = new CancellationTokenSource();
        var (plain, stoppable) = (Directory.CreateDirectory(Path.Combine(_folder, "plain")).FullName, Directory.CreateDirectory(Path.Combine(_folder, "stoppable")).FullName);

        using (RunFolder.WriteBoundary(plain, "boundary", Small.CreateNetwork(), Small.CreateDataset(), "caption"))
        using (RunFolder.WriteBoundary(stoppable, "boundary", Small.CreateNetwork(), Small.CreateDataset(), "caption", stop: stop.Token))
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(plain, "boundary.png")), File.ReadAllBytes(Path.Combine(stoppable, "boundary.png")));
        }
    }
}
