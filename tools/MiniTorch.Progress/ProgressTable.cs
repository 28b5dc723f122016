using System.Globalization;
using System.Text;

namespace MiniTorch.Progress;

/// <summary>The progress table as text: a row per task, the problems of the run, and what to do next.</summary>
internal static class ProgressTable
{
    // How much of the current task's first failure is shown in full.
    private const int FullMessageLines = 12;

    /// <summary>Writes the table.</summary>
    /// <param name="rows">The tasks' progress.</param>
    /// <param name="problems">What went wrong with the run itself.</param>
    /// <returns>The text, ending with a line break.</returns>
    public static string Text(IReadOnlyList<TaskProgress> rows, IReadOnlyList<RunProblem> problems)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{"task",-5} {"passed",-9} first failure\n");
        foreach (var row in rows)
        {
            var passed = row.State == TaskState.NotBuilt ? "-" : $"{row.Passed} / {row.Total}";
            text.Append(CultureInfo.InvariantCulture, $"{row.Task.Id,-5} {passed,-9} {Describe(row)}\n");
            if (row.Mutants > 0 && row.State != TaskState.NotBuilt)
            {
                text.Append(CultureInfo.InvariantCulture, $"{string.Empty,-15} your property tests catch {row.MutantsCaught} of {row.Mutants} broken operators\n");
            }
        }

        // The task to work on gets its first failure in full: the row shows only the start of it (or a crash, whose
        // explanation follows with the problems).
        if (rows.FirstOrDefault(r => r.State == TaskState.Failing) is { FirstFailed: { } failure } current)
        {
            var lines = (failure.Message ?? string.Empty).Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).Take(FullMessageLines);
            text.Append(CultureInfo.InvariantCulture, $"\nTask {current.Task.Id}, {ShortName(failure.Test)}:\n");
            foreach (var line in lines)
            {
                text.Append("  ").Append(line).Append('\n');
            }
        }

        // Problems with the same advice (the four deep-graph tests of a recursive sort, say) share it.
        foreach (var group in problems.GroupBy(p => p.Advice))
        {
            text.Append('\n');
            foreach (var problem in group)
            {
                text.Append(Capitalised(problem.What)).Append(problem.Task is null ? "." : $" (task {problem.Task}).").Append('\n');
            }

            text.Append(group.Key).Append('\n');
        }

        text.Append('\n').Append(Next(rows)).Append('\n');
        return text.ToString();
    }

    /// <summary>What to do next, in one line.</summary>
    /// <param name="rows">The tasks' progress.</param>
    /// <returns>The line.</returns>
    public static string Next(IReadOnlyList<TaskProgress> rows)
    {
        var done = TaskProgress.DoneThrough(rows);
        var next = rows.FirstOrDefault(r => r.State != TaskState.Done);
        return next is null ? $"Done through task {done}: every task of the course passes."
            : next.State == TaskState.NotBuilt ? "Make the course build first: dotnet build"
            : (done is null ? string.Empty : $"Done through task {done}. ") + $"Next: {ByHandBefore(next.Task, done)}task {next.Task.Id}, dotnet test --filter Task={next.Task.Id}";
    }

    // The tasks done by hand (no tests, so no row) between the last task done and the next one: the table cannot tell
    // whether they are done, so it names them before the next task with tests.
    private static string ByHandBefore(CourseTask next, string? done)
    {
        var from = done is null ? -1 : CourseTask.IndexOf(done);
        var between = CourseTask.All.Where(t => t.ByHand && CourseTask.IndexOf(t.Id) > from && CourseTask.IndexOf(t.Id) < CourseTask.IndexOf(next.Id));
        return string.Concat(between.Select(t => $"task {t.Id} by hand (the README's Task {t.Id}), then "));
    }

    private static string Describe(TaskProgress row) => row.State switch
    {
        TaskState.Done => "all pass",
        TaskState.NotBuilt => "not built (see below)",
        TaskState.Blocked => "needs the tasks before it; " + Failure(row.FirstFailure),
        _ => Failure(row.FirstFailure),
    };

    private static string Failure(TestOutcome? failure)
    {
        if (failure is null)
        {
            return "no test of this task ran: are its test files in tests/MiniTorch.Tests?";
        }

        var message = failure.Status switch
        {
            TestStatus.Crashed => "CRASHED the test run (see below)",
            TestStatus.TimedOut => "TIMED OUT (see below)",
            TestStatus.NotRun => "did not run (see below)",
            _ => OneLine(failure.Message ?? "(no message)"),
        };
        var line = $"{ShortName(failure.Test)}: {message}";
        return line.Length <= 150 ? line : line[..149] + "…";
    }

    // The line that says most: a blank's NotImplementedException (which a property test or an Assert.Throws reports
    // further down), else the failure inside CsCheck's report of a failing sample (after its "----"), else the first.
    private static string OneLine(string message)
    {
        var lines = message.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        return lines.FirstOrDefault(l => l.Contains("NotImplementedException : Task", StringComparison.Ordinal))?.TrimStart('-', ' ')
            ?? (lines.FirstOrDefault()?.StartsWith("CsCheck.", StringComparison.Ordinal) == true
                ? lines.FirstOrDefault(l => l.StartsWith("----", StringComparison.Ordinal))?.TrimStart('-', ' ')
                : null)
            ?? lines.FirstOrDefault()
            ?? message;
    }

    // "MiniTorch.Tests.ScalarTests.Ids_grow" to "ScalarTests.Ids_grow".
    private static string ShortName(string test)
    {
        var name = test.Split('(')[0];
        var parts = name.Split('.');
        return parts.Length < 2 ? test : string.Join('.', parts[^2..]) + test[name.Length..];
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
