using MiniTorch.Runs;

namespace MiniTorch.Tests.Runs;

/// <summary>Task 1.5: atomic writes of run files and model files.</summary>
[Trait("Task", "1.5")]
public sealed class AtomicFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("minitorch-atomic-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Writing_replaces_the_file_and_leaves_no_temporary_file()
    {
        var path = Path.Combine(_folder, "a.txt");

        AtomicFile.WriteAllText(path, "first");
        AtomicFile.WriteAllText(path, "second ✓");

        Assert.Equal("second ✓", File.ReadAllText(path));
        Assert.Equal(["a.txt"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void Text_is_utf8_without_a_byte_order_mark()
    {
        var path = Path.Combine(_folder, "b.txt");

        AtomicFile.WriteAllText(path, "é");

        Assert.Equal([0xC3, 0xA9], File.ReadAllBytes(path));
    }

    [Fact]
    public void A_write_into_a_missing_folder_fails_and_creates_nothing()
    {
        var path = Path.Combine(_folder, "missing", "c.txt");

        Assert.Throws<DirectoryNotFoundException>(() => AtomicFile.WriteAllBytes(path, [1, 2, 3]));
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Theory]
    [InlineData("a", 255)]
    [InlineData("é", 127)]
    [InlineData("𝑥", 63)]
    public void A_target_at_the_255_byte_file_name_limit_is_still_written(string letter, int count)
    {
        var name = string.Concat(Enumerable.Repeat(letter, count));
        var path = Path.Combine(_folder, name);

        AtomicFile.WriteAllText(path, "long");

        Assert.Equal("long", File.ReadAllText(path));
        Assert.Equal([name], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }
}
