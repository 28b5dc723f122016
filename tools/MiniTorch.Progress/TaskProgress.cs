namespace MiniTorch.Progress;

/// <summary>Where the learner stands on one task: its tests' results and whether it is done.</summary>
/// <param name="Task">The task.</param>
/// <param name="State">Done, failing, waiting for an earlier task, or not built.</param>
/// <param name="Passed">How many of its test cases pass.</param>
/// <param name="Total">How many it has.</param>
/// <param name="FirstFailure">The failure to show: a crash first, then those of the task's first checks, then the first
/// written.</param>
/// <param name="FirstFailed">The first failure in that order of a test that ran and failed (not a crash), whose
/// message is shown in full: behind a crash may hide a plain mistake.</param>
/// <param name="MutantsCaught">For Task 0.2, how many broken operators the learner's property tests catch.</param>
/// <param name="Mutants">For Task 0.2, how many broken operators there are; 0 for the other tasks.</param>
internal sealed record TaskProgress(CourseTask Task, TaskState State, int Passed, int Total, TestOutcome? FirstFailure, TestOutcome? FirstFailed, int MutantsCaught, int Mutants)
{
    /// <summary>Each task of the course with its progress, in order.</summary>
    /// <param name="run">The test run.</param>
    /// <returns>One row per task of the course.</returns>
    public static IReadOnlyList<TaskProgress> Of(TestRun run)
    {
        var built = !run.Problems.Any(p => p.Kind == RunProblemKind.Build);
        var rows = new List<TaskProgress>();
        var earlierFailing = false;
        foreach (var task in CourseTask.Tested)
        {
            var tests = run.Outcomes.Where(o => o.Task == task.Id).ToList();
            var failures = tests.Where(o => !o.Passed).ToList();
            var state = !built ? TaskState.NotBuilt
                : tests.Count > 0 && failures.Count == 0 ? TaskState.Done
                : earlierFailing ? TaskState.Blocked
                : TaskState.Failing;
            earlierFailing |= state != TaskState.Done;
            var mutants = tests.Where(o => o.IsMutantCheck).ToList();
            rows.Add(new TaskProgress(task, state, tests.Count(o => o.Passed), tests.Count,
                First(task, failures), First(task, failures.Where(o => o.Status == TestStatus.Failed)), mutants.Count(o => o.Passed), mutants.Count));
        }

        return rows;
    }

    /// <summary>The last task of an unbroken run of done tasks from the first, or null when the first is not done.</summary>
    /// <param name="rows">The rows, in order.</param>
    /// <returns>The task's number.</returns>
    public static string? DoneThrough(IReadOnlyList<TaskProgress> rows) =>
        rows.TakeWhile(r => r.State == TaskState.Done).Select(r => r.Task.Id).LastOrDefault();

    private static TestOutcome? First(CourseTask task, IEnumerable<TestOutcome> failures)
    {
        var first = task.FirstChecks?.ToList() ?? [];
        return failures
            .OrderBy(o => o.Status is TestStatus.Crashed or TestStatus.TimedOut ? 0 : 1)
            .ThenBy(o => first.IndexOf(o.ClassName[(o.ClassName.LastIndexOf('.') + 1)..]) is var i and >= 0 ? i : first.Count)
            .ThenBy(o => o.Order)
            .ThenBy(o => o.Test, StringComparer.Ordinal)
            .FirstOrDefault();
    }
}

/// <summary>Where a task stands.</summary>
internal enum TaskState
{
    /// <summary>Every test passes.</summary>
    Done,

    /// <summary>Some test fails, and every earlier task is done: the task to work on.</summary>
    Failing,

    /// <summary>Some test fails, and an earlier task is not done yet, which may be the cause.</summary>
    Blocked,

    /// <summary>The course does not build, so nothing ran.</summary>
    NotBuilt,
}
