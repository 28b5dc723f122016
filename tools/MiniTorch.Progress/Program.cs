using MiniTorch.Progress;

// The course's progress table: builds and runs the tests once and prints, task by task, how many pass and the first
// failure. A crash, a hang or a build error turns the tasks it touches red, with the reason.
//   dotnet run --project tools/MiniTorch.Progress [-- [--no-build] [--json] [--junit FILE]]
// Exit code: 0 every task done, 1 some task not done, 2 bad usage, 3 the run itself broke (build, crash, hang).
const string usage = "usage: dotnet run --project tools/MiniTorch.Progress [-- [--no-build] [--json] [--junit FILE]]";
var build = true;
var json = false;
string? junit = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--no-build":
            build = false;
            break;
        case "--json":
            json = true;
            break;
        case "--junit" when i + 1 < args.Length:
            junit = Path.GetFullPath(args[++i]);
            if (!Directory.Exists(Path.GetDirectoryName(junit)))
            {
                Console.Error.WriteLine($"--junit {args[i]}: its folder does not exist; create it first or name a file in an existing folder");
                return 2;
            }

            break;
        case "--help" or "-h":
            Console.WriteLine(usage);
            Console.WriteLine("  --no-build    the tests are built already");
            Console.WriteLine("  --json        print the report as JSON instead of the table");
            Console.WriteLine("  --junit FILE  also write the results as JUnit XML, for a CI service");
            return 0;
        default:
            Console.Error.WriteLine($"unknown option '{args[i]}'; {usage}");
            return 2;
    }
}

var course = FindCourse(Directory.GetCurrentDirectory());
if (course is null)
{
    Console.Error.WriteLine("Run this from the course's folder (the one with MiniTorch.slnx) or below it.");
    return 2;
}

TestRun run;
try
{
    if (!json)
    {
        Console.WriteLine("Running the tests ...");
    }

    run = TestReport.Run(course, build);
}
catch (InvalidOperationException error)
{
    Console.Error.WriteLine(error.Message);
    return 3;
}

var rows = TaskProgress.Of(run);
if (junit is not null)
{
    // Written whole or not at all: a CI service never reads half a report.
    var partial = junit + ".partial";
    try
    {
        JUnitReport.Of(rows, run).Save(partial);
        File.Move(partial, junit, overwrite: true);
    }
    catch (Exception error) when (error is IOException or UnauthorizedAccessException)
    {
        Console.Error.WriteLine($"cannot write --junit {junit}: {error.Message}");
        return 2;
    }
}

Console.Write(json ? ProgressJson.Text(rows, run) + "\n" : "\n" + ProgressTable.Text(rows, run.Problems));
return run.Problems.Count > 0 ? 3 : rows.All(r => r.State == TaskState.Done) ? 0 : 1;

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
