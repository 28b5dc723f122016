namespace MiniTorch.Progress;

/// <summary>The result of one test: its task (the <c>Task</c> trait), its name, and why it failed if it did.</summary>
/// <param name="Task">The MiniTorch task the test checks, for example <c>1.3</c>.</param>
/// <param name="ClassName">The test's class, with its namespace.</param>
/// <param name="Test">The test's name as the test platform shows it: class, method and, for a theory, its arguments.</param>
/// <param name="Status">Passed, failed, or why it has no result of its own.</param>
/// <param name="Message">Why it did not pass, or null when it passed.</param>
/// <param name="IsMutantCheck">True for a check that runs the learner's property tests against a broken operator
/// (Task 0.2): the progress table counts those apart.</param>
/// <param name="Order">Where the test is written in the test assembly (its metadata token): tests are written in the
/// order a learner meets the pieces, so among the failures of one class the first written is shown first.</param>
internal sealed record TestOutcome(string Task, string ClassName, string Test, TestStatus Status, string? Message, bool IsMutantCheck = false, int Order = int.MaxValue)
{
    /// <summary>True when the test passed.</summary>
    public bool Passed => Status == TestStatus.Passed;
}

/// <summary>How a test ended.</summary>
internal enum TestStatus
{
    /// <summary>It ran and passed.</summary>
    Passed,

    /// <summary>It ran and failed: an assertion or an exception.</summary>
    Failed,

    /// <summary>The test host died while it ran (a stack overflow, say), so it has no result.</summary>
    Crashed,

    /// <summary>It ran for longer than the time allowed to one test and was stopped.</summary>
    TimedOut,

    /// <summary>It never ran: the test run stopped before it, or the tests did not build.</summary>
    NotRun,
}
