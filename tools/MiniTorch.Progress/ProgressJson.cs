using System.Text.Json;
using System.Text.Json.Nodes;

namespace MiniTorch.Progress;

/// <summary>
/// The progress as JSON, for a class's grading scripts: each task's state and counts, the run's problems, and every
/// test case with its outcome.
/// </summary>
internal static class ProgressJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Writes the report.</summary>
    /// <param name="rows">The tasks' progress.</param>
    /// <param name="run">The test run.</param>
    /// <returns>The JSON text.</returns>
    public static string Text(IReadOnlyList<TaskProgress> rows, TestRun run)
    {
        var tasks = new JsonArray();
        foreach (var row in rows)
        {
            var task = new JsonObject
            {
                ["task"] = row.Task.Id,
                ["title"] = row.Task.Title,
                ["state"] = State(row.State),
                ["passed"] = row.Passed,
                ["total"] = row.Total,
                ["firstFailure"] = row.FirstFailure is { } failure
                    ? new JsonObject { ["test"] = failure.Test, ["status"] = Status(failure.Status), ["message"] = failure.Message }
                    : null,
            };
            if (row.Mutants > 0)
            {
                task["mutantsCaught"] = row.MutantsCaught;
                task["mutants"] = row.Mutants;
            }

            tasks.Add(task);
        }

        var report = new JsonObject
        {
            ["doneThrough"] = TaskProgress.DoneThrough(rows),
            ["allDone"] = rows.All(r => r.State == TaskState.Done) && run.Problems.Count == 0,
            ["tasks"] = tasks,
            ["problems"] = new JsonArray([.. run.Problems.Select(p => (JsonNode)new JsonObject
            {
                ["kind"] = p.Kind.ToString().ToLowerInvariant(),
                ["task"] = p.Task,
                ["test"] = p.Test,
                ["what"] = p.What,
                ["advice"] = p.Advice,
            })]),
            ["tests"] = new JsonArray([.. run.Outcomes.Select(o => (JsonNode)new JsonObject
            {
                ["task"] = o.Task,
                ["test"] = o.Test,
                ["status"] = Status(o.Status),
                ["message"] = o.Message,
            })]),
        };
        return report.ToJsonString(Indented);
    }

    private static string State(TaskState state) => state switch
    {
        TaskState.Done => "done",
        TaskState.Failing => "failing",
        TaskState.Blocked => "blocked",
        _ => "not-built",
    };

    private static string Status(TestStatus status) => status switch
    {
        TestStatus.Passed => "passed",
        TestStatus.Failed => "failed",
        TestStatus.Crashed => "crashed",
        TestStatus.TimedOut => "timed-out",
        _ => "not-run",
    };
}
