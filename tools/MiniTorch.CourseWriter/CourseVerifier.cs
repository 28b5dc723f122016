using System.Diagnostics;
using MiniTorch.Progress;

namespace MiniTorch.CourseWriter;

/// <summary>
/// Checks that the course works as a learner will use it: it builds with every task blank and every test fails; then,
/// filling the tasks back in from the solution one at a time, each task's tests fail with its own
/// NotImplementedException before and all pass after, while the earlier tasks stay green and the later ones red.
/// </summary>
/// <remarks>
/// One build and one test run per task: the writer rewrites only the files that change, so each build compiles the
/// library and the tests again and nothing else, without analyzers (the first build of the whole course runs them).
/// Task 0.2's worked example (and its check against a broken operator) passes as soon as the operators do, so 0.2
/// alone may have tests that pass before it is done.
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
        var tasks = CourseTask.Tested.Select(t => t.Id).ToList();
        problems.AddRange(tasks.Where(t => places[t].Count == 0).Select(t => $"task {t} has no pieces: no file has a 'course: task {t}' region"));
        CourseBuild.Run(course, "MiniTorch.slnx");
        var run = TestReport.Run(course, build: false);
        Report("all tasks blank", run, clock);
        problems.AddRange(run.Problems.Select(p => $"blank course: the run broke: {p.What}"));
        foreach (var test in run.Outcomes.Where(o => o.Passed || BlankTask(o) is null))
        {
            problems.Add($"blank course: {test.Task} {test.Test} should fail with a task's NotImplementedException: {Describe(test)}");
        }

        foreach (var task in tasks)
        {
            foreach (var test in run.Outcomes.Where(o => o.Task == task && !(o.Passed && task == ExampleTask) && BlankTask(o) != task))
            {
                problems.Add($"before {task}: {test.Test} should fail with Task {task}'s NotImplementedException: {Describe(test)}");
            }

            Course.Write(repository, course, solvedThrough: task);
            CourseBuild.Run(course, Path.Combine("tests", "MiniTorch.Tests", "MiniTorch.Tests.csproj"), "-p:RunAnalyzers=false");
            run = TestReport.Run(course, build: false);
            Report($"through {task}", run, clock);
            problems.AddRange(run.Problems.Select(p => $"through {task}: the run broke: {p.What}"));
            foreach (var test in run.Outcomes)
            {
                var shouldPass = CourseTask.IndexOf(test.Task) <= CourseTask.IndexOf(task);
                var mayPass = test.Task == ExampleTask && !shouldPass;
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
        test.Passed ? "it passed" : $"{test.Status}: " + (test.Message ?? string.Empty).Split('\n')[0].Trim();

    private static void Report(string step, TestRun run, Stopwatch clock) =>
        Console.WriteLine($"{clock.Elapsed.TotalSeconds,6:F0} s  {step}: " + string.Join("  ",
            run.Outcomes.GroupBy(o => o.Task).Select(t => $"{t.Key} {t.Count(o => o.Passed)}/{t.Count()}")));
}
