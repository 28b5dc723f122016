using System.Globalization;
using MiniTorch.Progress;

// The course's progress table: runs the tests once and prints, task by task, how many pass and the first failure.
// Usage: dotnet run --project tools/MiniTorch.Progress [-- --no-build]
var course = FindCourse(Directory.GetCurrentDirectory());
if (course is null)
{
    Console.Error.WriteLine("Run this from the course's folder (the one with MiniTorch.slnx) or below it.");
    return 2;
}

IReadOnlyList<TestOutcome> outcomes;
try
{
    Console.WriteLine("Running the tests ...");
    outcomes = TestReport.Run(course, build: !args.Contains("--no-build"));
}
catch (InvalidOperationException error)
{
    Console.Error.WriteLine(error.Message);
    return 1;
}

Console.WriteLine();
Console.WriteLine($"{"task",-5} {"passed",-9} first failure");
foreach (var task in outcomes.GroupBy(o => o.Task))
{
    var passed = task.Count(o => o.Passed);
    var firstFailure = task.FirstOrDefault(o => !o.Passed);
    var message = firstFailure is null ? "all pass" : $"{ShortName(firstFailure.Test)}: {OneLine(firstFailure.Message!)}";
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{task.Key,-5} {$"{passed} / {task.Count()}",-9} {message}"));
}

var done = outcomes.GroupBy(o => o.Task).TakeWhile(t => t.All(o => o.Passed)).Select(t => t.Key).LastOrDefault();
Console.WriteLine();
Console.WriteLine(done is null ? "Start with task 0.1: dotnet test --filter Task=0.1" : $"Done through task {done}.");
return 0;

// The line that says most: a blank's NotImplementedException (which a property test or an Assert.Throws reports
// further down), else the first line.
static string OneLine(string message)
{
    var lines = message.Split('\n').Select(l => l.Trim().TrimStart('-', ' ')).ToList();
    var line = lines.FirstOrDefault(l => l.Contains("NotImplementedException : Task", StringComparison.Ordinal)) ?? lines[0];
    return line.Length <= 110 ? line : line[..109] + "…";
}

// "MiniTorch.Tests.ScalarTests.Ids_grow" to "ScalarTests.Ids_grow".
static string ShortName(string test)
{
    var name = test.Split('(')[0];
    var parts = name.Split('.');
    return parts.Length < 2 ? test : string.Join('.', parts[^2..]) + test[name.Length..];
}

static string? FindCourse(string folder)
{
    for (var current = new DirectoryInfo(folder); current is not null; current = current.Parent)
    {
        if (File.Exists(Path.Combine(current.FullName, "MiniTorch.slnx")))
        {
            return current.FullName;
        }
    }

    return null;
}
