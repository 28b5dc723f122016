namespace MiniTorch.Tests;

/// <summary>
/// Keeps the library's folders layered, as read from the compiled assembly and its PDB (FolderLayers): the folders of
/// src/MiniTorch are numbered, code in folder N uses only types of folders 1 to N, each type lives in one folder,
/// and the library depends on the .NET framework alone.
/// </summary>
[Trait("Task", "architecture")]
public sealed class FolderLayeringTests
{
    private static readonly FolderLayers Library = FolderLayers.Read(typeof(Scalar).Assembly, "src/MiniTorch");

    // Without this, a source root that matched no file in the PDB would place no type, and the rules below would pass.
    [Fact]
    public void The_checker_finds_types_in_every_folder_of_the_library()
    {
        var onDisk = Directory.GetDirectories(Path.Combine(RepositoryFiles.Root, "src", "MiniTorch"))
            .Select(folder => Path.GetFileName(folder))
            .Where(folder => folder is not ("bin" or "obj"));

        Assert.Equal(onDisk.Order(StringComparer.Ordinal), Library.Folders.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void No_folder_uses_a_later_one() =>
        AssertNone(Library.LaterUses, "uses of a later folder (move the code or the type, or give the folder a later number)");

    [Fact]
    public void Every_type_lives_in_one_folder() =>
        AssertNone(Library.Misplaced, "types outside one numbered folder");

    // A framework assembly is one that the running .NET has in its own folder: a package named System.* (such as
    // System.CommandLine) is not.
    [Fact]
    public void The_library_references_no_other_project_or_package()
    {
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var others = typeof(Scalar).Assembly.GetReferencedAssemblies()
            .Select(reference => reference.Name!)
            .Where(name => !File.Exists(Path.Combine(framework, name + ".dll")));

        AssertNone([.. others], $"references to assemblies that are not in the framework ({framework})");
    }

    private static void AssertNone(IReadOnlyList<string> violations, string what) =>
        Assert.True(violations.Count == 0, $"{violations.Count} {what}:\n" + string.Join('\n', violations));
}
