using System.Globalization;
using System.Text;

namespace MiniTorch.CourseWriter;

/// <summary>The course's README: how to start, the tasks in order with their files, guides and test commands.</summary>
internal static class CourseReadme
{
    /// <summary>Writes the README.</summary>
    /// <param name="places">For each task, the files that hold its pieces (from the markers).</param>
    /// <param name="guides">For each task that has one, the guide that covers it.</param>
    /// <returns>The Markdown text.</returns>
    public static string Text(IReadOnlyDictionary<string, SortedSet<string>> places, IReadOnlyDictionary<string, string> guides)
    {
        var text = new StringBuilder();
        text.Append("""
            # MiniTorch for .NET: the course

            MiniTorch Modules 0 and 1 in C#, to do yourself: the library, the `minitorch` command and the tests are all here,
            with the pieces of each MiniTorch task left blank. Every blank throws a `NotImplementedException` naming its task
            and saying what to write; its doc comment keeps the maths. Fill in one task at a time, in order, and run its
            tests until they pass.

            ## Start

            With the .NET 10 SDK, in this folder:

            ```bash
            dotnet build
            dotnet run --project tools/MiniTorch.Progress     # every task's tests: passed / total, and the first failure
            dotnet test --filter Task=0.1                     # the tests of one task
            ```

            At the start every task's tests fail. The progress table shows where you are; when all of a task's tests pass,
            go on to the next one. Tasks build on each other, so a task's tests can fail with an earlier task's
            `NotImplementedException` until that one is done.

            ## The tasks


            """);
        text.Append("| task | what you write | where | guide | its tests |\n|---|---|---|---|---|\n");
        foreach (var task in CourseTask.All)
        {
            var where = places.TryGetValue(task.Id, out var files) && files.Count > 0 ? Where(files) : "-";
            var guide = guides.TryGetValue(task.Id, out var path) ? $"[{Path.GetFileNameWithoutExtension(path)}]({path})" : "-";
            text.Append(CultureInfo.InvariantCulture, $"| {task.Id} {task.Title} | {task.Work} | {where} | {guide} | `dotnet test --filter Task={task.Id}` |\n");
        }

        text.Append("""

            Task 1.5 needs no code of its own: once 0.1 to 1.4 are done, its tests pass and

            ```bash
            dotnet run --project src/MiniTorch.Cli -- train
            ```

            trains MiniTorch's network on Xor with your operators, scalars and backpropagation, and writes its pictures to
            `runs/`. `dotnet run --project src/MiniTorch.Cli -- --help` lists the other commands (`grad`, `graph`, `eval`).

            ## What differs from the library

            The course is written by a tool from the library's source, so the two cannot drift apart. In the course,
            `Scalar.Backward()` runs your `Autodiff.Backpropagate`, and training uses the graph engine only (a `Scalar` graph
            and `Backward()` per point): the library's faster walk, its tapes and its hand-written baseline are left out, so
            nothing you did not write can hide a mistake in what you did. Warnings do not stop the build.

            """);
        return text.ToString();
    }

    // Links to the files, or to their folder where it holds more than three of them (one function per file, say).
    private static string Where(IEnumerable<string> files) =>
        string.Join(", ", files
            .GroupBy(f => f[..(f.LastIndexOf('/') + 1)])
            .SelectMany(folder => folder.Count() > 3
                ? [string.Create(CultureInfo.InvariantCulture, $"[{folder.Key.TrimEnd('/').Split('/')[^1]}/]({folder.Key}) ({folder.Count()} files)")]
                : folder.Select(f => $"[{Path.GetFileName(f)}]({f})")));
}
