using MiniTorch.Progress;

namespace MiniTorch.CourseWriter;

/// <summary>The writer's command line: a verb, a folder, and where the repository is.</summary>
/// <param name="Verb"><c>write</c>, <c>verify</c> or <c>mistakes</c>.</param>
/// <param name="Folder">The course's folder.</param>
/// <param name="Repository">The repository's root.</param>
/// <param name="SolvedThrough">The last task kept solved, or null.</param>
internal sealed record Options(string Verb, string Folder, string Repository, string? SolvedThrough)
{
    private const string Usage = "usage: MiniTorch.CourseWriter write|verify|mistakes FOLDER [--solved-through TASK] [--repository ROOT]";

    /// <summary>Reads the arguments.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The options.</returns>
    /// <exception cref="InvalidOperationException">The arguments do not follow the usage; the message shows it.</exception>
    public static Options Parse(string[] args)
    {
        var positional = new List<string>();
        string? solved = null;
        string? repository = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--solved-through" when i + 1 < args.Length:
                    solved = args[++i];
                    CourseTask.IndexOf(solved);
                    break;
                case "--repository" when i + 1 < args.Length:
                    repository = args[++i];
                    break;
                default:
                    positional.Add(args[i]);
                    break;
            }
        }

        return positional.Count == 2
            ? new Options(positional[0], Path.GetFullPath(positional[1]), repository ?? FindRepository(), solved)
            : throw new InvalidOperationException(Usage);
    }

    private static string FindRepository()
    {
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "tools", "MiniTorch.CourseWriter", "course.manifest")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Run this inside the repository, or pass --repository ROOT.");
    }
}
