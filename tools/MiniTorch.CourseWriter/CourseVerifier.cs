using System.Diagnostics;
using MiniTorch.Progress;

namespace MiniTorch.CourseWriter;

/// <summary>
/// Checks that the course works as a learner will use it: it builds with every task blank; then, filling the tasks
/// back in from the solution one at a time, each task's tests fail with its own NotImplementedException before and
/// all pass after, while the earlier tasks stay green and the later ones red.
/// </summary>
/// <remarks>
/// One build and one test run per task: the writer rewrites only the files that change, so each build compiles the
/// library and the tests again and nothing else, without analyzers (the first build of the whole course runs them). Task 1.5 has no pieces: its tests must pass once the last task is in.
/// Task 0.2's worked example passes as soon as the operators do, so 0.2 alone may have tests that pass before it.
/// </remarks>
internal static class CourseVerifier
{
    private const string ExampleTask = "0.2";

    // How a test that hit a blank fails: xunit's line for the exception, which starts with the task.
    private const string BlankMessage = "System.NotImplementedException : Task ";

    /// <summary>Runs the check, printing one line per step and every problem found.</summary>
    /// <param name="repository">The repository root.</param>
    /// <param name="course">A folder for the course (created or reused).</param>
    /// <returns>True when every step passed.</returns>
    public static bool Run(string repository, string course)
    {
        var problems = new List<string>();
        var clock = Stopwatch.StartNew();
        var places = Course.Write(repository, course, solvedThrough: null);
        var withPieces = CourseTask.All.Where(t => places[t.Id].Count > 0).Select(t => t.Id).ToList();
        Build(course, "MiniTorch.slnx");
        var outcomes = TestReport.Run(course, build: false);
        Report("all tasks blank", outcomes, clock);
        foreach (var test in outcomes.Where(o => withPieces.Contains(o.Task) && (o.Passed || BlankTask(o) is null)))
        {
            problems.Add($"blank course: {test.Task} {test.Test} should fail with a task's NotImplementedException: {Describe(test)}");
        }

        for (var i = 0; i < withPieces.Count; i++)
        {
            var task = withPieces[i];
            foreach (var test in outcomes.Where(o => o.Task == task && !(o.Passed && task == ExampleTask) && BlankTask(o) != task))
            {
                problems.Add($"before {task}: {test.Test} should fail with Task {task}'s NotImplementedException: {Describe(test)}");
            }

            Course.Write(repository, course, solvedThrough: task);
            Build(course, Path.Combine("tests", "MiniTorch.Tests", "MiniTorch.Tests.csproj"), "-p:RunAnalyzers=false");
            var last = i == withPieces.Count - 1;

            // The tasks without pieces (1.5) may pass or fail until the last task is in: their tests run only then.
            var others = string.Join('&', CourseTask.All.Where(t => !withPieces.Contains(t.Id)).Select(t => $"Task!={t.Id}"));
            outcomes = TestReport.Run(course, build: false, filter: last || others.Length == 0 ? null : others);
            Report($"through {task}", outcomes, clock);
            foreach (var test in outcomes)
            {
                var shouldPass = CourseTask.IndexOf(test.Task) <= CourseTask.IndexOf(task) || last;
                var mayPass = !withPieces.Contains(test.Task) || (test.Task == ExampleTask && !shouldPass);
                if (shouldPass && !test.Passed)
                {
                    problems.Add($"through {task}: {test.Task} {test.Test} should pass: {Describe(test)}");
                }
                else if (!shouldPass && test.Passed && !mayPass)
                {
                    problems.Add($"through {task}: {test.Task} {test.Test} should still fail");
                }
            }
        }

        foreach (var problem in problems)
        {
            Console.Error.WriteLine(problem);
        }

        Console.WriteLine(problems.Count == 0 ? "course OK" : $"{problems.Count} problem(s)");
        return problems.Count == 0;
    }

    // The task named by the NotImplementedException a test failed with, or null.
    private static string? BlankTask(TestOutcome test)
    {
        var at = test.Message?.IndexOf(BlankMessage, StringComparison.Ordinal) ?? -1;
        return at < 0 ? null : test.Message!.Substring(at + BlankMessage.Length, 3);
    }

    private static string Describe(TestOutcome test) =>
        test.Passed ? "it passed" : test.Message!.Split('\n')[0].Trim();

    private static void Report(string step, IReadOnlyList<TestOutcome> outcomes, Stopwatch clock) =>
        Console.WriteLine($"{clock.Elapsed.TotalSeconds,6:F0} s  {step}: " + string.Join("  ",
            outcomes.GroupBy(o => o.Task).Select(t => $"{t.Key} {t.Count(o => o.Passed)}/{t.Count()}")));

    private static void Build(string course, string project, params string[] properties)
    {
        var start = new ProcessStartInfo("dotnet", ["build", project, "-nologo", "-clp:ErrorsOnly", .. properties])
        {
            WorkingDirectory = course,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The course does not build ({project}):\n{output}{error.Result}");
        }
    }
}
