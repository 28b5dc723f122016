using System.Xml.Linq;

namespace MiniTorch.Progress;

/// <summary>
/// What one <c>dotnet test</c> run left in its results folder: the results in the TRX file, the run's own messages
/// (where the test platform says that the test host crashed or hung), and, from blame mode's sequence file, the tests
/// that had started but not finished when it stopped.
/// </summary>
/// <param name="Results">One per test case that finished.</param>
/// <param name="RunMessages">The texts of the run's RunInfo entries.</param>
/// <param name="Aborted">True when the run stopped before every test had run.</param>
/// <param name="InFlight">The test methods (namespace, class and method) that were running when it stopped.</param>
internal sealed record TrxFile(IReadOnlyList<TrxFile.Result> Results, IReadOnlyList<string> RunMessages, bool Aborted, IReadOnlyList<string> InFlight)
{
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    /// <summary>Reads the TRX file and the sequence files below <paramref name="resultsFolder"/>.</summary>
    /// <param name="trx">The TRX file.</param>
    /// <param name="resultsFolder">The run's results folder, where blame mode writes its sequence files.</param>
    /// <returns>The run.</returns>
    public static TrxFile Read(string trx, string resultsFolder)
    {
        var document = XDocument.Load(trx);
        var methods = document.Descendants(Trx + "UnitTest").ToDictionary(
            test => (string)test.Attribute("id")!,
            test => test.Element(Trx + "TestMethod")!);
        var results = new List<Result>();
        foreach (var result in document.Descendants(Trx + "UnitTestResult"))
        {
            var method = methods[(string)result.Attribute("testId")!];
            var className = (string)method.Attribute("className")!;
            var passed = (string?)result.Attribute("outcome") == "Passed";
            results.Add(new Result(
                className + "." + MethodName((string)method.Attribute("name")!),
                className,
                (string)result.Attribute("testName")!,
                passed,
                passed ? null : (string?)result.Descendants(Trx + "Message").FirstOrDefault() ?? "(no message)"));
        }

        var messages = document.Descendants(Trx + "RunInfo").Select(info => (string?)info.Element(Trx + "Text") ?? string.Empty).ToList();
        var aborted = (string?)document.Descendants(Trx + "ResultSummary").FirstOrDefault()?.Attribute("outcome") is "Aborted" or "Error"
            || messages.Any(m => m.Contains("aborted", StringComparison.OrdinalIgnoreCase));
        return new TrxFile(results, messages, aborted, aborted ? InFlightIn(resultsFolder) : []);
    }

    // The tests that a blame sequence file lists as started and not completed.
    private static List<string> InFlightIn(string resultsFolder) =>
        [.. Directory.EnumerateFiles(resultsFolder, "Sequence_*.xml", SearchOption.AllDirectories)
            .SelectMany(file => XDocument.Load(file).Descendants("Test"))
            .Where(test => (string?)test.Attribute("Completed") == "False")
            .Select(test => (string)test.Attribute("Name")!)
            .Distinct(StringComparer.Ordinal)];

    // "Namespace.Class.Method(x: 1)" or "Method" to "Method".
    private static string MethodName(string name)
    {
        var bare = name.Split('(')[0];
        return bare[(bare.LastIndexOf('.') + 1)..];
    }

    /// <summary>The result of one test case.</summary>
    /// <param name="Method">Namespace, class and method.</param>
    /// <param name="ClassName">Namespace and class.</param>
    /// <param name="TestName">The name the test platform shows, with a theory's arguments.</param>
    /// <param name="Passed">True when it passed.</param>
    /// <param name="Message">The failure message, or null.</param>
    public sealed record Result(string Method, string ClassName, string TestName, bool Passed, string? Message);
}
