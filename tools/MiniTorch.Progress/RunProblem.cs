namespace MiniTorch.Progress;

/// <summary>
/// Why some tests have no result of their own: the course did not build, or the test host died or hung while a test
/// ran. The progress table shows it beside the task, explains the usual cause, and the tool exits non-zero.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="Task">The task of the test that was running, or null when no single test is to blame.</param>
/// <param name="Test">The test that was running (namespace, class and method), or null.</param>
/// <param name="What">What happened, in one line.</param>
/// <param name="Advice">The usual cause and what to do, in the learner's terms.</param>
internal sealed record RunProblem(RunProblemKind Kind, string? Task, string? Test, string What, string Advice)
{
    /// <summary>The problem of a test during which the test host stopped.</summary>
    /// <param name="test">The test that was running.</param>
    /// <param name="runMessages">What the test platform said about the stop.</param>
    /// <returns>The problem, with the advice that fits it.</returns>
    public static RunProblem HostStopped(TestCatalog.Entry test, IReadOnlyList<string> runMessages)
    {
        var all = string.Join('\n', runMessages);
        if (all.Contains("inactivity time", StringComparison.Ordinal))
        {
            return new RunProblem(
                RunProblemKind.Hang,
                test.Task,
                test.FullName,
                $"{Short(test.FullName)} ran for more than {TestReport.HangTimeout.TotalMinutes:0} minutes and was stopped",
                "The usual cause: a loop that never ends, or a walk that is far too slow on this test's graph, such as one "
                + "that visits a node once per path to it instead of once, or checks what it has seen in a list instead "
                + "of a HashSet. Run the test alone (dotnet test --filter Name) to see how long it takes.");
        }

        if (all.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase))
        {
            return new RunProblem(
                RunProblemKind.Crash,
                test.Task,
                test.FullName,
                $"the test host crashed with a stack overflow while {Short(test.FullName)} ran",
                "The usual cause: a recursive walk over a deep graph (the deep-graph tests build chains a million "
                + "operations long). Each recursive call takes a frame of the thread's stack (8 MB on Linux, 1.5 MB on "
                + "Windows and macOS), which runs out after some tens of thousands of levels, and a stack overflow cannot "
                + "be caught: it ends the whole test run. Walk the graph with a loop and an explicit Stack<T> of the "
                + "nodes still to visit.");
        }

        var reason = runMessages.Select(m => m.Split('\n')[0].Trim()).FirstOrDefault(m => m.Length > 0) ?? "no reason given";
        return new RunProblem(
            RunProblemKind.Crash,
            test.Task,
            test.FullName,
            $"the test host stopped while {Short(test.FullName)} ran: {reason}",
            "A test host stops when the process cannot go on: a stack overflow, running out of memory (a walk that never "
            + "marks what it has visited can fill it), or Environment.Exit. Run the test alone to see its output.");
    }

    /// <summary>The problem of a course that does not build.</summary>
    /// <param name="errors">The compiler's errors, one a line.</param>
    /// <returns>The problem.</returns>
    public static RunProblem BuildFailed(IReadOnlyList<string> errors) =>
        new(
            RunProblemKind.Build,
            null,
            null,
            errors.Count == 0 ? "the course does not build" : $"the course does not build: {errors[0]}",
            "No test can run until it builds, so every task is red. Fix the errors "
            + (errors.Count > 1 ? $"({errors.Count} of them; dotnet build lists them all) " : string.Empty)
            + "and run this again.");

    /// <summary>The problem of tests that never ran because the run stopped before them.</summary>
    /// <param name="count">How many test methods have no result.</param>
    /// <returns>The problem.</returns>
    public static RunProblem NotRun(int count) =>
        new(
            RunProblemKind.NotRun,
            null,
            null,
            $"{count} test method(s) have no result: the run stopped before them",
            "They count as failed. Fix the problems above and run this again.");

    // "MiniTorch.Tests.DeepGraphTests.A_chain" to "DeepGraphTests.A_chain".
    private static string Short(string fullName)
    {
        var parts = fullName.Split('.');
        return parts.Length < 2 ? fullName : string.Join('.', parts[^2..]);
    }
}

/// <summary>What kind of <see cref="RunProblem"/>.</summary>
internal enum RunProblemKind
{
    /// <summary>The test host crashed during a test.</summary>
    Crash,

    /// <summary>A test ran past the time allowed and was stopped.</summary>
    Hang,

    /// <summary>The course did not build.</summary>
    Build,

    /// <summary>Tests were left without a result.</summary>
    NotRun,
}
