using System.Diagnostics;
using System.Xml.Linq;
using MiniTorch.Progress;

namespace MiniTorch.CourseWriter;

/// <summary>
/// Puts typical learners' mistakes into the finished course one at a time and runs the course's progress table on
/// each, as a learner would: every mistake must turn its task red, leave the tasks before it green, make the tool
/// exit non-zero, and print a message that names the cause.
/// </summary>
internal static class CourseMistakes
{
    private const string Autodiff = "src/MiniTorch/2-Autodiff/Autodiff.cs";
    private const string SortHeader = "public static IReadOnlyList<IVariable> TopologicalSort(IVariable variable)";

    /// <summary>The mistakes, each with what the progress table must say about it.</summary>
    public static IReadOnlyList<Mistake> All { get; } =
    [
        new(
            "a recursive topological sort",
            Autodiff,
            SortHeader,
            """
                    var order = new List<IVariable>();
                    var seen = new HashSet<long>();
                    Visit(variable);
                    order.Reverse();
                    return order;

                    void Visit(IVariable node)
                    {
                        if (node.IsConstant || !seen.Add(node.UniqueId))
                        {
                            return;
                        }

                        foreach (var parent in node.Parents)
                        {
                            Visit(parent);
                        }

                        order.Add(node);
                    }
            """,
            Replace: null,
            "1.4",
            ExitCode: 3,
            ["DeepGraphTests", "stack overflow", "explicit Stack<T>"]),
        new(
            "a Backward without dOutput",
            "src/MiniTorch/3-Scalars/Functions/Mul.cs",
            "public static void Backward(Context ctx, double dOutput, Span<double> dInputs)",
            """
                    var saved = ctx.SavedValues;
                    dInputs[0] = saved[1];
                    dInputs[1] = saved[0];
            """,
            Replace: null,
            "1.4",
            ExitCode: 1,
            ["FunctionBackwardTests", "Mul.Backward", "multiply it by dOutput"]),
        new(
            "a breadth-first sort, wrong on an unequal diamond",
            Autodiff,
            SortHeader,
            """
                    var order = new List<IVariable>();
                    var seen = new HashSet<long>();
                    var waiting = new Queue<IVariable>();
                    if (!variable.IsConstant)
                    {
                        seen.Add(variable.UniqueId);
                        waiting.Enqueue(variable);
                    }

                    while (waiting.TryDequeue(out var node))
                    {
                        order.Add(node);
                        foreach (var parent in node.Parents)
                        {
                            if (!parent.IsConstant && seen.Add(parent.UniqueId))
                            {
                                waiting.Enqueue(parent);
                            }
                        }
                    }

                    return order;
            """,
            Replace: null,
            "1.4",
            ExitCode: 1,
            ["TopologicalSortTests", "must come before", "breadth-first"]),
        new(
            "an off-by-one in Linear.Forward",
            "src/MiniTorch/4-Nn/Linear.cs",
            "for (var i = 0; i < InSize; i++)",
            null,
            Replace: "for (var i = 1; i < InSize; i++)",
            "1.5",
            ExitCode: 1,
            ["LinearTests", "without x_0 · w_0", "start at 0"]),
    ];

    /// <summary>Runs every mistake in the finished course, printing what the progress table printed for each.</summary>
    /// <param name="repository">The repository root.</param>
    /// <param name="course">A folder for the course (created or reused).</param>
    /// <returns>True when every mistake was reported as it should be.</returns>
    public static bool Run(string repository, string course)
    {
        var clock = Stopwatch.StartNew();
        Course.Write(repository, course, solvedThrough: CourseTask.Tested[^1].Id);
        CourseBuild.Run(course, "MiniTorch.slnx");
        var problems = new List<string>();
        foreach (var mistake in All)
        {
            var path = Path.Combine(course, mistake.File);
            var original = File.ReadAllText(path);
            try
            {
                File.WriteAllText(path, mistake.Apply(original));
                var junit = Path.Combine(course, "progress.xml");
                var (exitCode, output) = Progress(course, junit);
                Console.WriteLine($"{clock.Elapsed.TotalSeconds,6:F0} s  {mistake.Name} ({mistake.File}), the progress table printed:");
                Console.WriteLine(string.Join('\n', output.TrimEnd().Split('\n').Select(line => "    | " + line)));
                problems.AddRange(Check(mistake, exitCode, output, XDocument.Load(junit)).Select(p => $"{mistake.Name}: {p}"));
                File.Delete(junit);
            }
            finally
            {
                File.WriteAllText(path, original);
            }
        }

        foreach (var problem in problems)
        {
            Console.Error.WriteLine(problem);
        }

        Console.WriteLine(problems.Count == 0 ? $"mistakes OK ({All.Count}, {clock.Elapsed.TotalSeconds:F0} s)" : $"{problems.Count} problem(s)");
        return problems.Count == 0;
    }

    private static IEnumerable<string> Check(Mistake mistake, int exitCode, string output, XDocument junit)
    {
        if (exitCode != mistake.ExitCode)
        {
            yield return $"the progress table exited with {exitCode}, not {mistake.ExitCode}";
        }

        var red = junit.Descendants("testsuite")
            .Where(s => (int)s.Attribute("failures")! + (int)s.Attribute("errors")! > 0)
            .Select(s => ((string)s.Attribute("name")!).Split(' ')[1])
            .ToList();
        var first = red.FirstOrDefault();
        if (first != mistake.Task)
        {
            yield return $"the first red task is {first ?? "none"}, not {mistake.Task}";
        }

        foreach (var later in red.Where(t => CourseTask.IndexOf(t) > CourseTask.IndexOf(mistake.Task)))
        {
            if (!output.Split('\n').Any(line => line.StartsWith(later + " ", StringComparison.Ordinal) && line.Contains("needs the tasks before it", StringComparison.Ordinal)))
            {
                yield return $"task {later} is red too, without saying that it waits for task {mistake.Task}";
            }
        }

        foreach (var cause in mistake.Cause.Where(c => !output.Contains(c, StringComparison.Ordinal)))
        {
            yield return $"the table does not say '{cause}'";
        }
    }

    // The course's own progress table, built by the course's solution build, run as a learner runs it.
    private static (int ExitCode, string Output) Progress(string course, string junit) =>
        DotnetCommand.Run(["run", "--no-build", "--project", Path.Combine("tools", "MiniTorch.Progress"), "--", "--junit", junit], course);

    /// <summary>One typical mistake.</summary>
    /// <param name="Name">What the learner got wrong.</param>
    /// <param name="File">The course file it is in.</param>
    /// <param name="Find">The text it starts from: a member's header, whose body is replaced by <paramref name="Body"/>,
    /// or text replaced by <paramref name="Replace"/>; it must occur once.</param>
    /// <param name="Body">The member's wrong body, or null.</param>
    /// <param name="Replace">The wrong text, or null.</param>
    /// <param name="Task">The task that must turn red.</param>
    /// <param name="ExitCode">The progress table's exit code: 1 when tests fail, 3 when the run itself broke.</param>
    /// <param name="Cause">What the table must say, to name the cause.</param>
    internal sealed record Mistake(string Name, string File, string Find, string? Body, string? Replace, string Task, int ExitCode, IReadOnlyList<string> Cause)
    {
        /// <summary>The file's text with the mistake in it.</summary>
        /// <param name="text">The solved file.</param>
        /// <returns>The mistaken file.</returns>
        /// <exception cref="InvalidOperationException">The file no longer has <see cref="Find"/> once.</exception>
        public string Apply(string text)
        {
            var at = text.IndexOf(Find, StringComparison.Ordinal);
            if (at < 0 || text.IndexOf(Find, at + 1, StringComparison.Ordinal) >= 0)
            {
                throw new InvalidOperationException($"{File} does not hold '{Find}' exactly once: update the mistake '{Name}' in CourseMistakes.cs.");
            }

            if (Replace is not null)
            {
                return text[..at] + Replace + text[(at + Find.Length)..];
            }

            var member = Member.Read(text, CodeMask.Of(text), at);
            return text[..(member.Block + 1)] + "\n" + Body!.TrimEnd() + "\n    " + text[member.End..];
        }
    }
}
