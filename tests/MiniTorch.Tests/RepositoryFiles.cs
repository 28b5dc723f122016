namespace MiniTorch.Tests;

/// <summary>Finds files of this repository (the README, the samples) from the test's output folder.</summary>
public static class RepositoryFiles
{
    /// <summary>The repository root: the nearest folder above the test binaries that holds MiniTorch.slnx.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Reads a file given by its path from the repository root.</summary>
    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MiniTorch.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MiniTorch.slnx not found above " + AppContext.BaseDirectory);
    }
}
