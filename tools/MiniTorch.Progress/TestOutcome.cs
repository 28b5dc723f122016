namespace MiniTorch.Progress;

/// <summary>The result of one test: its task (the <c>Task</c> trait), its name, and why it failed if it did.</summary>
/// <param name="Task">The MiniTorch task the test checks, for example <c>1.3</c>.</param>
/// <param name="Test">The test's class and method.</param>
/// <param name="Passed">True when the test passed.</param>
/// <param name="Message">The failure message, or null when it passed.</param>
internal sealed record TestOutcome(string Task, string Test, bool Passed, string? Message);
