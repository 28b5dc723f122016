namespace MiniTorch.Progress;

/// <summary>The outcome of a progress run: every test's result and what went wrong with the run itself.</summary>
/// <param name="Outcomes">One per test case, in task order; a test left without a result by a crash is failed here.</param>
/// <param name="Problems">Crashes, hangs, a failed build, tests left without a result; empty for a clean run.</param>
internal sealed record TestRun(IReadOnlyList<TestOutcome> Outcomes, IReadOnlyList<RunProblem> Problems);
