using System.Text.Json.Nodes;
using MiniTorch.Progress;

namespace MiniTorch.Tests;

/// <summary>
/// The course's progress table from test results: a crashed run's TRX and blame sequence file are read for the test in
/// flight, tasks turn red with the reason, later tasks wait for earlier ones, and the JSON and JUnit reports say the
/// same. (The whole tool, on a real course with typical mistakes in it, runs in CI: MiniTorch.CourseWriter mistakes.)
/// </summary>
[Trait("Task", "course")]
public sealed class ProgressReportTests
{
    private const string Trx = """
        <?xml version="1.0" encoding="utf-8"?>
        <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
          <Results>
            <UnitTestResult testId="1" testName="MiniTorch.Tests.ScalarTests.Ids_grow" outcome="Passed" />
            <UnitTestResult testId="2" testName="MiniTorch.Tests.TheoryTests.Check(name: &quot;a&quot;)" outcome="Failed">
              <Output><ErrorInfo><Message>Assert.True() Failure
        Expected: True</Message></ErrorInfo></Output>
            </UnitTestResult>
          </Results>
          <TestDefinitions>
            <UnitTest id="1"><TestMethod className="MiniTorch.Tests.ScalarTests" name="Ids_grow" /></UnitTest>
            <UnitTest id="2"><TestMethod className="MiniTorch.Tests.TheoryTests" name="Check" /></UnitTest>
          </TestDefinitions>
          <ResultSummary outcome="Failed">
            <RunInfos>
              <RunInfo outcome="Error"><Text>The active test run was aborted. Reason: Test host process crashed : Stack overflow.
        Repeated 37358 times:</Text></RunInfo>
            </RunInfos>
          </ResultSummary>
        </TestRun>
        """;

    private const string Sequence = """
        <?xml version="1.0"?>
        <TestSequence>
          <Test Name="MiniTorch.Tests.ScalarTests.Ids_grow" Completed="True" />
          <Test Name="MiniTorch.Tests.DeepGraphTests.A_chain" Completed="False" />
        </TestSequence>
        """;

    [Fact]
    public void A_crashed_run_is_read_as_aborted_with_its_results_and_the_test_in_flight()
    {
        var folder = Directory.CreateTempSubdirectory("progress-trx-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "progress.trx"), Trx);
            Directory.CreateDirectory(Path.Combine(folder.FullName, "run"));
            File.WriteAllText(Path.Combine(folder.FullName, "run", "Sequence_1.xml"), Sequence);

            var run = TrxFile.Read(Path.Combine(folder.FullName, "progress.trx"), folder.FullName);

            Assert.True(run.Aborted);
            Assert.Equal(["MiniTorch.Tests.DeepGraphTests.A_chain"], run.InFlight);
            Assert.Equal(["MiniTorch.Tests.ScalarTests.Ids_grow", "MiniTorch.Tests.TheoryTests.Check"], run.Results.Select(r => r.Method));
            Assert.StartsWith("Assert.True() Failure", run.Results[1].Message, StringComparison.Ordinal);
            Assert.Contains("Stack overflow", run.RunMessages[0], StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_stack_overflow_blames_the_test_in_flight_and_explains_recursion()
    {
        var problem = RunProblem.HostStopped(new TestCatalog.Entry("MiniTorch.Tests.DeepGraphTests.A_chain", "MiniTorch.Tests.DeepGraphTests", "1.4", false, 0), ["The active test run was aborted. Reason: Test host process crashed : Stack overflow."]);

        Assert.Equal(RunProblemKind.Crash, problem.Kind);
        Assert.Equal("1.4", problem.Task);
        Assert.Contains("stack overflow while DeepGraphTests.A_chain ran", problem.What, StringComparison.Ordinal);
        Assert.Contains("explicit Stack<T>", problem.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hang_is_told_apart_from_a_crash()
    {
        var problem = RunProblem.HostStopped(new TestCatalog.Entry("N.C.M", "N.C", "1.4", false, 0), ["The active test run was aborted. Reason: Test host process crashed", "Data collector 'Blame' message: The specified inactivity time of 120 seconds has elapsed."]);

        Assert.Equal(RunProblemKind.Hang, problem.Kind);
        Assert.Contains("was stopped", problem.What, StringComparison.Ordinal);
    }

    [Fact]
    public void A_task_after_a_failing_one_waits_for_it_and_the_crash_shows_first_with_the_failure_behind_it_in_full()
    {
        var crash = RunProblem.HostStopped(new TestCatalog.Entry("MiniTorch.Tests.DeepGraphTests.A_chain", "MiniTorch.Tests.DeepGraphTests", "1.4", false, 0), ["Stack overflow."]);
        var run = new TestRun(
            [
                .. Passing(["0.1", "0.2", "0.3", "0.4", "1.1", "1.2", "1.3"]),
                Outcome("1.4", "MiniTorch.Tests.BackpropagateTests", "Backward_twice", TestStatus.Failed, "x.Derivative should be 8"),
                Outcome("1.4", "MiniTorch.Tests.DeepGraphTests", "A_chain", TestStatus.Crashed, crash.What),
                Outcome("1.5", "MiniTorch.Tests.LinearTests", "Forward", TestStatus.Failed, "output 0 should be"),
            ],
            [crash]);

        var rows = TaskProgress.Of(run);
        var table = ProgressTable.Text(rows, run.Problems);

        Assert.Equal(TaskState.Failing, rows.Single(r => r.Task.Id == "1.4").State);
        Assert.Equal(TaskState.Blocked, rows.Single(r => r.Task.Id == "1.5").State);
        Assert.Equal("1.3", TaskProgress.DoneThrough(rows));
        Assert.Contains("1.4   0 / 2     DeepGraphTests.A_chain: CRASHED the test run (see below)", table, StringComparison.Ordinal);
        Assert.Contains("Task 1.4, BackpropagateTests.Backward_twice:\n  x.Derivative should be 8\n", table, StringComparison.Ordinal);
        Assert.Contains("1.5   0 / 1     needs the tasks before it; LinearTests.Forward", table, StringComparison.Ordinal);
        Assert.Contains("explicit Stack<T>", table, StringComparison.Ordinal);
        Assert.EndsWith("Done through task 1.3. Next: task 1.4, dotnet test --filter Task=1.4\n", table, StringComparison.Ordinal);
    }

    [Fact]
    public void After_task_0_4_the_next_step_names_task_0_5_by_hand_before_task_1_1()
    {
        var run = new TestRun(
            [
                .. Passing(["0.1", "0.2", "0.3", "0.4"]),
                Outcome("1.1", "MiniTorch.Tests.CentralDifferenceTests", "Of_x_squared", TestStatus.Failed, "Task 1.1: write CentralDifference"),
            ],
            []);

        var next = ProgressTable.Next(TaskProgress.Of(run));

        Assert.Equal("Done through task 0.4. Next: task 0.5 by hand (the README's Task 0.5), then task 1.1, dotnet test --filter Task=1.1", next);
    }

    [Fact]
    public void The_task_to_work_on_shows_its_first_failure_in_full_preferring_its_first_checks()
    {
        var run = new TestRun(
            [
                .. Passing(["0.1", "0.2", "0.3", "0.4", "1.1", "1.2", "1.3"]),
                Outcome("1.4", "MiniTorch.Tests.BackpropagateTests", "A", TestStatus.Failed, "x.Derivative should be 8"),
                Outcome("1.4", "MiniTorch.Tests.FunctionBackwardTests", "B", TestStatus.Failed, "Mul.Backward: dInputs[0] should be 12.5\nThat is ∂f/∂a alone: multiply it by dOutput."),
                Outcome("1.5", "MiniTorch.Tests.LinearTests", "C", TestStatus.Passed, null),
            ],
            []);

        var table = ProgressTable.Text(TaskProgress.Of(run), run.Problems);

        Assert.Contains("1.4   0 / 2     FunctionBackwardTests.B: Mul.Backward", table, StringComparison.Ordinal);
        Assert.Contains("Task 1.4, FunctionBackwardTests.B:\n  Mul.Backward: dInputs[0] should be 12.5\n  That is ∂f/∂a alone: multiply it by dOutput.\n", table, StringComparison.Ordinal);
    }

    [Fact]
    public void A_property_tests_failure_shows_the_assertion_inside_csCheck_s_report_and_a_blank_its_task()
    {
        var run = new TestRun(
            [
                Outcome("0.1", "MiniTorch.Tests.OperatorsTests", "Inv", TestStatus.Failed, "CsCheck.CsCheckException : Set seed: \"x\" to reproduce (1 shrinks).\n(2.5)\n---- Inv(2.5) should be 0.4 (within 0.01), but it is 2.5"),
                Outcome("0.3", "MiniTorch.Tests.ListOperatorsTests", "Sum", TestStatus.Failed, "CsCheck.CsCheckException : Set seed: \"y\"\n---- System.NotImplementedException : Task 0.3: write Sum"),
            ],
            []);

        var table = ProgressTable.Text(TaskProgress.Of(run), run.Problems);

        Assert.Contains("OperatorsTests.Inv: Inv(2.5) should be 0.4 (within 0.01), but it is 2.5\n", table, StringComparison.Ordinal);
        Assert.Contains("ListOperatorsTests.Sum: System.NotImplementedException : Task 0.3: write Sum\n", table, StringComparison.Ordinal);
    }

    [Fact]
    public void A_course_that_does_not_build_turns_every_task_red_in_every_report()
    {
        var run = new TestRun([], [RunProblem.BuildFailed(["src/MiniTorch/4-Nn/Linear.cs(87,13): error CS1002: ; expected"])]);
        var rows = TaskProgress.Of(run);

        var table = ProgressTable.Text(rows, run.Problems);
        var json = JsonNode.Parse(ProgressJson.Text(rows, run))!;
        var junit = JUnitReport.Of(rows, run);

        Assert.All(rows, r => Assert.Equal(TaskState.NotBuilt, r.State));
        Assert.Contains("The course does not build: src/MiniTorch/4-Nn/Linear.cs(87,13): error CS1002", table, StringComparison.Ordinal);
        Assert.EndsWith("Make the course build first: dotnet build\n", table, StringComparison.Ordinal);
        Assert.False((bool)json["allDone"]!);
        Assert.Equal("build", (string?)json["problems"]![0]!["kind"]);
        Assert.Equal("1", (string?)junit.Root!.Attribute("errors"));
    }

    [Fact]
    public void The_json_and_junit_reports_count_what_the_table_counts()
    {
        var run = new TestRun(
            [
                Outcome("0.1", "MiniTorch.Tests.OperatorsTests", "A", TestStatus.Passed, null),
                Outcome("0.2", "MiniTorch.Tests.OperatorPropertiesMutantTests", "M(test: \"a\")", TestStatus.Passed, null, mutant: true),
                Outcome("0.2", "MiniTorch.Tests.OperatorPropertiesMutantTests", "M(test: \"b\")", TestStatus.Failed, "b passed with a broken Max", mutant: true),
                Outcome("1.4", "MiniTorch.Tests.DeepGraphTests", "D", TestStatus.NotRun, "did not run"),
            ],
            [RunProblem.NotRun(1)]);
        var rows = TaskProgress.Of(run);

        var json = JsonNode.Parse(ProgressJson.Text(rows, run))!;
        var junit = JUnitReport.Of(rows, run);
        var table = ProgressTable.Text(rows, run.Problems);

        var task02 = json["tasks"]!.AsArray().Single(t => (string?)t!["task"] == "0.2")!;
        Assert.Equal(1, (int)task02["mutantsCaught"]!);
        Assert.Equal(2, (int)task02["mutants"]!);
        Assert.Contains("your property tests catch 1 of 2 broken operators", table, StringComparison.Ordinal);
        Assert.Equal("0.1", (string?)json["doneThrough"]);
        Assert.Equal(4, json["tests"]!.AsArray().Count);
        Assert.Equal(("4", "1", "1"), ((string?)junit.Root!.Attribute("tests"), (string?)junit.Root.Attribute("failures"), (string?)junit.Root.Attribute("errors")));
    }

    private static IEnumerable<TestOutcome> Passing(IEnumerable<string> tasks) =>
        tasks.Select(task => Outcome(task, "MiniTorch.Tests.SomeTests", "Passes_" + task, TestStatus.Passed, null));

    private static TestOutcome Outcome(string task, string className, string method, TestStatus status, string? message, bool mutant = false) =>
        new(task, className, className + "." + method, status, message, mutant);
}
