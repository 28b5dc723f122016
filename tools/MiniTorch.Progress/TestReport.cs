using System.Globalization;
using System.Text.RegularExpressions;

namespace MiniTorch.Progress;

/// <summary>
/// Runs the course's tests and gives every test of the test assembly an outcome, including the tests that a crash or a
/// hang left without one: <c>dotnet test</c> in blame mode names the test that was running when the test host died;
/// that test is marked as the cause, and the tests that had not run yet are run again without it.
/// </summary>
internal static partial class TestReport
{
    // A run that keeps crashing is not rerun forever: after this many stops, the tests still without a result are
    // reported as not run.
    private const int MaxStops = 8;

    /// <summary>How long one test may run before blame mode stops it as hung.</summary>
    public static TimeSpan HangTimeout { get; } = TimeSpan.FromMinutes(2);

    /// <summary>Builds the course's tests (unless told not to), runs them, and returns every test's outcome.</summary>
    /// <param name="course">The course's root folder.</param>
    /// <param name="build">False when the tests are already built.</param>
    /// <returns>The outcomes in task order, and what went wrong with the run itself.</returns>
    /// <exception cref="InvalidOperationException">dotnet test could not run at all; the message holds its output's end.</exception>
    public static TestRun Run(string course, bool build)
    {
        if (build && Build(course) is { Count: > 0 } errors)
        {
            return new TestRun([], [RunProblem.BuildFailed(errors)]);
        }

        var catalog = TestCatalog.Load(TestCatalog.AssemblyOf(course));
        var results = new Dictionary<string, List<TrxFile.Result>>(StringComparer.Ordinal);
        var problems = new List<RunProblem>();
        var culprits = new Dictionary<string, TestOutcome>(StringComparer.Ordinal);
        IReadOnlyList<string>? only = null;
        for (var stops = 0; stops <= MaxStops; stops++)
        {
            var run = RunOnce(course, only is null ? null : Only(only));
            Merge(results, run);
            if (!run.Aborted)
            {
                break;
            }

            foreach (var (method, problem) in Culprits(course, catalog, run, results))
            {
                problems.Add(problem);
                var test = catalog.Find(method)!;
                culprits[method] = new TestOutcome(test.Task, test.ClassName, method,
                    problem.Kind == RunProblemKind.Hang ? TestStatus.TimedOut : TestStatus.Crashed,
                    problem.What + ". " + problem.Advice, test.IsMutantCheck, test.Order);
            }

            only = [.. catalog.Methods.Select(m => m.FullName).Where(m => !results.ContainsKey(m) && !culprits.ContainsKey(m))];
            if (only.Count == 0)
            {
                break;
            }
        }

        var outcomes = new List<TestOutcome>(culprits.Values);
        var notRun = 0;
        foreach (var test in catalog.Methods.Where(m => !culprits.ContainsKey(m.FullName)))
        {
            if (results.TryGetValue(test.FullName, out var cases))
            {
                outcomes.AddRange(cases.Select(c => new TestOutcome(test.Task, test.ClassName, c.TestName,
                    c.Passed ? TestStatus.Passed : TestStatus.Failed, c.Message, test.IsMutantCheck, test.Order)));
            }
            else
            {
                notRun++;
                outcomes.Add(new TestOutcome(test.Task, test.ClassName, test.FullName, TestStatus.NotRun,
                    "did not run: the test run stopped before it (see the problems below the table)", test.IsMutantCheck, test.Order));
            }
        }

        if (notRun > 0)
        {
            problems.Add(RunProblem.NotRun(notRun));
        }

        return new TestRun([.. outcomes.OrderBy(o => o.Task, StringComparer.Ordinal).ThenBy(o => o.Test, StringComparer.Ordinal)], problems);
    }

    // The tests to blame for a stopped run: the one that was running, or, when several were running side by side,
    // those that stop the host again when run alone (the others get their results from that lone run).
    private static List<(string Method, RunProblem Problem)> Culprits(
        string course, TestCatalog catalog, TrxFile run, Dictionary<string, List<TrxFile.Result>> results)
    {
        var inFlight = run.InFlight.Where(m => catalog.Find(m) is not null).ToList();
        if (inFlight.Count == 1)
        {
            return [(inFlight[0], RunProblem.HostStopped(catalog.Find(inFlight[0])!, run.RunMessages))];
        }

        var culprits = new List<(string, RunProblem)>();
        foreach (var method in inFlight)
        {
            var alone = RunOnce(course, Only([method]));
            Merge(results, alone);
            if (alone.Aborted)
            {
                culprits.Add((method, RunProblem.HostStopped(catalog.Find(method)!, alone.RunMessages)));
            }
        }

        // Stopped only together (or nothing was in flight): every test that was running shares the blame.
        return culprits.Count > 0 || inFlight.Count == 0
            ? culprits
            : [.. inFlight.Select(m => (m, RunProblem.HostStopped(catalog.Find(m)!, run.RunMessages)))];
    }

    // The latest results of a method replace the earlier ones: a rerun repeats every case of a theory.
    private static void Merge(Dictionary<string, List<TrxFile.Result>> results, TrxFile run)
    {
        foreach (var method in run.Results.GroupBy(r => r.Method))
        {
            results[method.Key] = [.. method];
        }
    }

    private static string Only(IEnumerable<string> methods) =>
        string.Join('|', methods.Select(m => "FullyQualifiedName=" + m));

    private static TrxFile RunOnce(string course, string? filter)
    {
        var results = Path.Combine(Path.GetTempPath(), "minitorch-progress-" + Guid.NewGuid().ToString("N"));
        try
        {
            var arguments = new List<string>
            {
                "test", Path.Combine(course, "tests", "MiniTorch.Tests", "MiniTorch.Tests.csproj"), "--no-build",
                "--logger", "trx;LogFileName=progress.trx", "--results-directory", results,
                "--blame", "--blame-hang-timeout", string.Create(CultureInfo.InvariantCulture, $"{HangTimeout.TotalSeconds:0}s"),
                "--blame-hang-dump-type", "none",
            };
            if (filter is not null)
            {
                arguments.AddRange(["--filter", filter]);
            }

            var (_, output) = DotnetCommand.Run(arguments, course);
            var trx = Path.Combine(results, "progress.trx");
            return File.Exists(trx)
                ? TrxFile.Read(trx, results)
                : throw new InvalidOperationException("The tests did not run:\n" + string.Join('\n', output.Split('\n').TakeLast(40)));
        }
        finally
        {
            if (Directory.Exists(results))
            {
                Directory.Delete(results, recursive: true);
            }
        }
    }

    // Builds the test project; returns the compiler's errors, one a line, none when it built.
    private static List<string> Build(string course)
    {
        var (exitCode, output) = DotnetCommand.Run(["build", Path.Combine(course, "tests", "MiniTorch.Tests", "MiniTorch.Tests.csproj"), "-nologo", "-clp:ErrorsOnly"], course);
        if (exitCode == 0)
        {
            return [];
        }

        var errors = output.Split('\n')
            .Select(line => CompilerError().Match(line))
            .Where(m => m.Success)
            .Select(m => Path.GetRelativePath(course, m.Groups["file"].Value) + m.Groups["rest"].Value.TrimEnd())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return errors.Count > 0 ? errors : [output.Split('\n').LastOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "dotnet build failed"];
    }

    // "/course/src/MiniTorch/4-Nn/Linear.cs(87,13): error CS1002: ; expected [/course/…/MiniTorch.csproj]"
    [GeneratedRegex(@"^\s*(?<file>[^(\s][^(]*)(?<rest>\(\d+,\d+\): error [^\[]*)")]
    private static partial Regex CompilerError();
}
