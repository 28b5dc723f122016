using System.Text;
using MiniTorch.Progress;

namespace MiniTorch.CourseWriter;

/// <summary>Writes the course from the repository: the files the manifest includes, through their markers, plus the
/// course's solution and README.</summary>
internal static class Course
{
    private const string WriterFolder = "tools/MiniTorch.CourseWriter";

    // Folders that hold build output or machine state, never source.
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        ".git", "bin", "obj", "TestResults", "artifacts", "runs", "BenchmarkDotNet.Artifacts", ".vs", ".idea",
    };

    private static readonly HashSet<string> MarkedExtensions = new(StringComparer.OrdinalIgnoreCase) { ".cs", ".csproj", ".props", ".targets", ".md" };

    /// <summary>Writes the course into <paramref name="output"/>.</summary>
    /// <param name="repository">The repository root.</param>
    /// <param name="output">The course folder; files it holds that the course does not are deleted (build output aside),
    /// and unchanged files are not rewritten, so that a build after a new write rebuilds only what changed.</param>
    /// <param name="solvedThrough">The last task kept solved, or null to leave every task blank.</param>
    /// <returns>For each task, the course files that hold its pieces.</returns>
    /// <exception cref="InvalidOperationException">A file has no rule, a marker is malformed, or a link of the written
    /// course reaches nothing; the message says which.</exception>
    public static IReadOnlyDictionary<string, SortedSet<string>> Write(string repository, string output, string? solvedThrough)
    {
        var solvedIndex = solvedThrough is null ? -1 : CourseTask.IndexOf(solvedThrough);
        bool IsSolved(string task) => CourseTask.IndexOf(task) <= solvedIndex;

        var manifest = CourseManifest.Load(Path.Combine(repository, WriterFolder, "course.manifest"));
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        var places = CourseTask.All.ToDictionary(t => t.Id, _ => new SortedSet<string>(StringComparer.Ordinal));
        var unplaced = new List<string>();
        foreach (var path in SourceFiles(repository))
        {
            switch (manifest.Decide(path))
            {
                case null:
                    unplaced.Add(path);
                    break;
                case CourseManifest.Decision.Exclude:
                    break;
                case CourseManifest.Decision.Substitute:
                    files[path] = File.ReadAllBytes(Path.Combine(repository, WriterFolder, "Substitutes", path));
                    break;
                case CourseManifest.Decision.Include when MarkedExtensions.Contains(Path.GetExtension(path)):
                    var tasks = new HashSet<string>(StringComparer.Ordinal);
                    var text = File.ReadAllText(Path.Combine(repository, path)).ReplaceLineEndings("\n");
                    files[path] = Encoding.UTF8.GetBytes(MarkedSource.Transform(text, path, IsSolved, tasks));
                    foreach (var task in tasks)
                    {
                        places[task].Add(path);
                    }

                    break;
                default:
                    files[path] = File.ReadAllBytes(Path.Combine(repository, path));
                    break;
            }
        }

        if (unplaced.Count > 0)
        {
            throw new InvalidOperationException(
                $"{WriterFolder}/course.manifest has no rule for: {string.Join(", ", unplaced)}. Add an include or exclude rule.");
        }

        foreach (var path in manifest.Added)
        {
            files[path] = File.Exists(Path.Combine(repository, path))
                ? throw new InvalidOperationException($"{WriterFolder}/course.manifest adds {path}, which the repository has: substitute it instead.")
                : File.ReadAllBytes(Path.Combine(repository, WriterFolder, "Substitutes", path));
        }

        files["MiniTorch.slnx"] = Encoding.UTF8.GetBytes(CourseSolution.Text(files.Keys));
        files["README.md"] = Encoding.UTF8.GetBytes(CourseReadme.Text(places));
        if (CourseLinks.Dead(files) is { Count: > 0 } dead)
        {
            throw new InvalidOperationException("The course would have dead links:\n" + string.Join('\n', dead));
        }

        Save(output, files);
        return places;
    }

    // Every file of the repository, as a path from its root with / separators.
    private static IEnumerable<string> SourceFiles(string repository)
    {
        var pending = new Stack<string>();
        pending.Push(repository);
        while (pending.TryPop(out var folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder))
            {
                if (Path.GetFileName(file) != ".git")
                {
                    yield return Path.GetRelativePath(repository, file).Replace('\\', '/');
                }
            }

            foreach (var child in Directory.EnumerateDirectories(folder))
            {
                if (!Skipped.Contains(Path.GetFileName(child)))
                {
                    pending.Push(child);
                }
            }
        }
    }

    private static void Save(string output, SortedDictionary<string, byte[]> files)
    {
        Directory.CreateDirectory(output);
        foreach (var (path, bytes) in files)
        {
            var target = Path.Combine(output, path);
            if (File.Exists(target) && File.ReadAllBytes(target).AsSpan().SequenceEqual(bytes))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, bytes);
        }

        foreach (var stale in SourceFiles(output).Where(path => !files.ContainsKey(path)).ToList())
        {
            File.Delete(Path.Combine(output, stale));
        }
    }
}
