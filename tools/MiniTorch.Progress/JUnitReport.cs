using System.Globalization;
using System.Xml.Linq;

namespace MiniTorch.Progress;

/// <summary>
/// The test results as JUnit XML, the format CI services read: one test suite per task, a test case per test, a
/// failure for a failed test and an error for one that crashed, timed out or never ran.
/// </summary>
internal static class JUnitReport
{
    /// <summary>Writes the report.</summary>
    /// <param name="rows">The tasks' progress.</param>
    /// <param name="run">The test run.</param>
    /// <returns>The XML document.</returns>
    public static XDocument Of(IReadOnlyList<TaskProgress> rows, TestRun run)
    {
        var suites = new XElement("testsuites", new XAttribute("name", "MiniTorch course"));
        foreach (var row in rows)
        {
            var tests = run.Outcomes.Where(o => o.Task == row.Task.Id).ToList();
            suites.Add(Suite($"Task {row.Task.Id} {row.Task.Title}", tests.Select(Case)));
        }

        var build = run.Problems.FirstOrDefault(p => p.Kind == RunProblemKind.Build);
        if (build is not null)
        {
            suites.Add(Suite("Build", [new XElement("testcase", new XAttribute("classname", "course"), new XAttribute("name", "build"),
                new XElement("error", new XAttribute("message", build.What), build.Advice))]));
        }

        suites.SetAttributeValue("tests", suites.Elements().Sum(s => (int)s.Attribute("tests")!));
        suites.SetAttributeValue("failures", suites.Elements().Sum(s => (int)s.Attribute("failures")!));
        suites.SetAttributeValue("errors", suites.Elements().Sum(s => (int)s.Attribute("errors")!));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), suites);
    }

    private static XElement Suite(string name, IEnumerable<XElement> cases)
    {
        var list = cases.ToList();
        return new XElement(
            "testsuite",
            new XAttribute("name", name),
            new XAttribute("tests", list.Count.ToString(CultureInfo.InvariantCulture)),
            new XAttribute("failures", list.Count(c => c.Element("failure") is not null).ToString(CultureInfo.InvariantCulture)),
            new XAttribute("errors", list.Count(c => c.Element("error") is not null).ToString(CultureInfo.InvariantCulture)),
            list);
    }

    private static XElement Case(TestOutcome outcome)
    {
        var element = new XElement("testcase", new XAttribute("classname", outcome.ClassName), new XAttribute("name", outcome.Test));
        if (!outcome.Passed)
        {
            var message = outcome.Message ?? string.Empty;
            element.Add(new XElement(
                outcome.Status == TestStatus.Failed ? "failure" : "error",
                new XAttribute("message", message.Split('\n')[0].Trim()),
                message));
        }

        return element;
    }
}
