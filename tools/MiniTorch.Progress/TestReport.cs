using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using System.Xml.Linq;

namespace MiniTorch.Progress;

/// <summary>
/// Runs the course's tests once and reads back each test's outcome with its task: the outcomes from the TRX file that
/// <c>dotnet test</c> writes, the tasks from the <c>[Trait("Task", …)]</c> attributes of the built test assembly.
/// </summary>
internal static class TestReport
{
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    /// <summary>Runs <c>dotnet test</c> on the course's test project and returns every test's outcome.</summary>
    /// <param name="course">The course's root folder.</param>
    /// <param name="build">False to pass <c>--no-build</c> (the tests are already built).</param>
    /// <param name="filter">A <c>dotnet test --filter</c> expression, or null for every test.</param>
    /// <returns>The outcomes, in task order and then by name.</returns>
    /// <exception cref="InvalidOperationException">The tests did not run (a build error, say); the message holds
    /// the end of dotnet test's output.</exception>
    public static IReadOnlyList<TestOutcome> Run(string course, bool build, string? filter = null)
    {
        var results = Path.Combine(Path.GetTempPath(), "minitorch-progress-" + Guid.NewGuid().ToString("N"));
        try
        {
            var arguments = new List<string>
            {
                "test", Path.Combine(course, "tests", "MiniTorch.Tests", "MiniTorch.Tests.csproj"),
                "--logger", "trx;LogFileName=progress.trx", "--results-directory", results,
            };
            if (!build)
            {
                arguments.Add("--no-build");
            }

            if (filter is not null)
            {
                arguments.AddRange(["--filter", filter]);
            }

            var output = Dotnet(arguments, course);
            var trx = Path.Combine(results, "progress.trx");
            return File.Exists(trx)
                ? Read(trx, course)
                : throw new InvalidOperationException("The tests did not run:\n" + Tail(output, 40));
        }
        finally
        {
            if (Directory.Exists(results))
            {
                Directory.Delete(results, recursive: true);
            }
        }
    }

    /// <summary>Reads a TRX file and the tasks of its tests.</summary>
    /// <param name="trx">The TRX file.</param>
    /// <param name="course">The course's root folder, below which the test assemblies are.</param>
    /// <returns>The outcomes, in task order and then by name.</returns>
    public static IReadOnlyList<TestOutcome> Read(string trx, string course)
    {
        var document = XDocument.Load(trx);
        var definitions = document.Descendants(Trx + "UnitTest").ToDictionary(
            test => (string)test.Attribute("id")!,
            test => (Storage: (string)test.Attribute("storage")!, Method: test.Element(Trx + "TestMethod")!));
        var tasks = new TaskTraits(course);
        var outcomes = new List<TestOutcome>();
        foreach (var result in document.Descendants(Trx + "UnitTestResult"))
        {
            var (storage, method) = definitions[(string)result.Attribute("testId")!];
            var className = (string)method.Attribute("className")!;
            var methodName = MethodName((string)method.Attribute("name")!);
            var passed = (string?)result.Attribute("outcome") == "Passed";
            var message = passed ? null : (string?)result.Descendants(Trx + "Message").FirstOrDefault() ?? "(no message)";
            outcomes.Add(new TestOutcome(
                tasks.Of(storage, className, methodName),
                (string)result.Attribute("testName")!,
                passed,
                message));
        }

        return [.. outcomes.OrderBy(o => o.Task, StringComparer.Ordinal).ThenBy(o => o.Test, StringComparer.Ordinal)];
    }

    // "Namespace.Class.Method(x: 1)" or "Method" to "Method".
    private static string MethodName(string name)
    {
        var bare = name.Split('(')[0];
        return bare[(bare.LastIndexOf('.') + 1)..];
    }

    private static string Dotnet(IEnumerable<string> arguments, string folder)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output + error.Result;
    }

    private static string Tail(string text, int lines) =>
        string.Join('\n', text.Split('\n').TakeLast(lines));

    // The Task trait of each test method (or of its class), read from the built test assemblies.
    private sealed class TaskTraits(string course)
    {
        private readonly Dictionary<string, Assembly> _assemblies = new(StringComparer.Ordinal);

        public string Of(string storage, string className, string methodName)
        {
            var assembly = Load(storage);
            var type = assembly.GetType(className);
            var method = type?.GetMethods().FirstOrDefault(m => m.Name == methodName);
            return Trait(method) ?? Trait(type) ?? "?";
        }

        private static string? Trait(MemberInfo? member) =>
            member?.GetCustomAttributesData()
                .Where(a => a.AttributeType.FullName == "Xunit.TraitAttribute"
                    && a.ConstructorArguments.Count == 2
                    && (string?)a.ConstructorArguments[0].Value == "Task")
                .Select(a => (string?)a.ConstructorArguments[1].Value)
                .FirstOrDefault();

        // The TRX file may spell the assembly's path in lower case; the file system may not.
        private string Locate(string storage) =>
            File.Exists(storage)
                ? storage
                : Directory.EnumerateFiles(Path.Combine(course, "tests"), "*.dll", SearchOption.AllDirectories)
                    .FirstOrDefault(file => string.Equals(file, storage, StringComparison.OrdinalIgnoreCase))
                  ?? throw new InvalidOperationException($"The test assembly {storage} is not in the course.");

        private Assembly Load(string storage)
        {
            if (!_assemblies.TryGetValue(storage, out var assembly))
            {
                var path = Locate(storage);
                var folder = Path.GetDirectoryName(path)!;
                var context = new AssemblyLoadContext(path, isCollectible: true);
                context.Resolving += (loader, name) =>
                {
                    var candidate = Path.Combine(folder, name.Name + ".dll");
                    return File.Exists(candidate) ? loader.LoadFromAssemblyPath(candidate) : null;
                };
                assembly = context.LoadFromAssemblyPath(path);
                _assemblies[storage] = assembly;
            }

            return assembly;
        }
    }
}
