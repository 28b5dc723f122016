using System.Globalization;
using System.Text;
using MiniTorch.Progress;

namespace MiniTorch.CourseWriter;

/// <summary>
/// The course's README: how to start, the tasks in order with their files, guides and test commands, how to run the
/// course's own <c>minitorch</c>, the results to expect, and how a class grades it.
/// </summary>
internal static class CourseReadme
{
    /// <summary>
    /// What the finished course's <c>train --dataset all</c> ends with, seed 1 (measured; the course trains with the
    /// graph engine, bit for bit what the library's engines give, which a test checks).
    /// </summary>
    public static IReadOnlyList<ExpectedRun> ExpectedResults { get; } =
    [
        new("Simple", 2, "0.7802819537482282", 50, 50),
        new("Diag", 10, "0.19326475735387286", 50, 50),
        new("Split", 10, "2.3232014252113555", 50, 50),
        new("Xor", 10, "2.91639052405372", 50, 50),
        new("Circle", 10, "2.8989940598810087", 50, 50),
        new("Spiral", 10, "31.658948139780627", 29, 31),
    ];

    /// <summary>The line the default run (Xor, seed 1) logs at epoch 10, measured like <see cref="ExpectedResults"/>.</summary>
    public const string XorEpoch10 = "Epoch 10 loss 34.2231691663345 correct 26";

    /// <summary>Writes the README.</summary>
    /// <param name="places">For each task, the files that hold its pieces (from the markers).</param>
    /// <returns>The Markdown text.</returns>
    public static string Text(IReadOnlyDictionary<string, SortedSet<string>> places)
    {
        var text = new StringBuilder();
        text.Append("""
            # MiniTorch for .NET: the course

            MiniTorch Modules 0 and 1 in C#, to do yourself: the library, the `minitorch` command and the tests are all here,
            with the pieces that MiniTorch's students write left blank. Every blank throws a `NotImplementedException` naming
            its task and saying what to write; its doc comment keeps the maths. Fill in one task at a time, in order, and run
            its tests until they pass.

            ## Start

            With the .NET 10 SDK, in this folder:

            ```bash
            dotnet run --project tools/MiniTorch.Progress     # builds, runs every test, and shows where you are
            dotnet test --filter Task=0.1                     # the tests of one task
            ```

            At the start every task's tests fail, and each task turns green when its pieces are written. The progress table
            has a row per task: how many of its tests pass and the first failure, or "needs the tasks before it" when an
            earlier task is not done yet (which may be the cause); below the table, the first failure of the task to work on
            in full. If the course does not build, or a test crashes the test run (a stack overflow, say) or runs for more
            than two minutes, the table says which test was running, what usually causes it, and marks its task red; the
            other tests are run again without it. The tool exits with 0 when every task is done, 1 when some task is not,
            and 3 when the run itself broke. A run takes a minute or two.

            ## The tasks


            """);
        text.Append("| task | what you write | where | guide | its tests |\n|---|---|---|---|---|\n");
        foreach (var task in CourseTask.All)
        {
            var guides = string.Join(", ", task.Guides.Select(g => $"[{Path.GetFileNameWithoutExtension(g)}]({g})"));
            if (task.ByHand)
            {
                text.Append(CultureInfo.InvariantCulture, $"| {task.Id} {task.Title} | {task.Work} | your sandbox's page, [below](#task-05-by-hand) | {guides} | none: write your parameters in this README |\n");
                continue;
            }

            var where = places.TryGetValue(task.Id, out var files) && files.Count > 0 ? Where(files) : "-";
            text.Append(CultureInfo.InvariantCulture, $"| {task.Id} {task.Title} | {task.Work} | {where} | {guides} | `dotnet test --filter Task={task.Id}` |\n");
        }

        text.Append("""

            A few tasks in more detail:

            - **0.2**: you write property tests with [CsCheck](https://github.com/AnthonyLloyd/CsCheck). Each of your tests
              is also run against a deliberately broken operator (a sigmoid with its sign flipped, a `ReluBack` that passes
              the derivative at 0, a `Max` that returns the smaller argument, …) and must fail there: an empty test passes
              on its own but catches nothing. The progress table counts the broken operators your tests catch.
            - **1.4**: each function's `Backward` is tested alone against the central difference, so a missing `dOutput`
              fails that function's test by name; the topological sort and backpropagation have tests of their own, with
              graphs a million operations deep that a recursive walk cannot handle.
            - **1.5**: MiniTorch's `run_scalar.py` tasks: `Linear.Forward` and the three layers of `Network`. The training
              loop (`Trainer`, `ScalarEngine`), the datasets and the optimiser are given. Its tests need Task 1.4 done.

            ## Task 0.5: by hand

            MiniTorch's Task 0.5 has nothing to write: you are the optimiser. Once Tasks 0.1 and 0.4 are done (the page
            computes with your operators and your `Module`), start your own sandbox and open its **Task 0.5: by hand** tab:

            ```bash
            dotnet run --project src/MiniTorch.Cli -- serve      # then open http://127.0.0.1:5000/?tab=manual
            ```

            It shows the classifier out = σ(w₁·x₁ + w₂·x₂ + b) ([guide 0d](docs/guides/0d-manual-classifier.md)) with a
            slider and a box for each of its three parameters, the points of a dataset with the classifier's boundary, and
            how many points it gets right with its total loss, computed by your library each time a slider moves. Set the
            parameters until Simple has 50 of 50 points right (50 points, seed 1, as the page starts), then Diag, and write
            them here; the page's address keeps the setting, so you can paste the link too. Then make the loss smaller
            without moving the boundary.

            | dataset | w₁ | w₂ | b | correct | total loss |
            |---|---|---|---|---|---|
            | Simple | | | | / 50 | |
            | Diag | | | | / 50 | |

            There are no tests: the page's count is the check. A page that needs a piece you have not written yet says which
            task it is (the Training tab needs Task 1.5). Ctrl+C stops the server.

            ## Your `minitorch`

            The course builds its own `minitorch` command from your library: every number it prints comes from your code.

            ```bash
            dotnet run --project src/MiniTorch.Cli -- --help                  # the commands: grad, graph, plot, train, eval, serve
            dotnet run --project src/MiniTorch.Cli -- grad "x * x * y" --at x=2 --at y=3
            dotnet run --project src/MiniTorch.Cli -- train                   # Xor, MiniTorch's recommended settings
            dotnet run --project src/MiniTorch.Cli -- train --dataset all     # the six datasets, with summary.md
            dotnet run --project src/MiniTorch.Cli -- serve                   # the web sandbox at http://127.0.0.1:5000/
            ```

            The guides write these commands as `minitorch grad …`. In a shell, `alias minitorch="dotnet run --project
            $PWD/src/MiniTorch.Cli --"`, typed in this folder, lets you run them as written from anywhere (`graph` needs
            Graphviz's `dot`). `train` writes its files to a folder under `runs/`: `log.csv`, `loss.png`, `boundary.png`
            and `model.json`.

            ## What to expect

            Once every task is done, `train` (Xor, 50 points, hidden 10, rate 0.5, 500 epochs, seed 1) logs a line every
            ten epochs, starting with

            """);
        text.Append(CultureInfo.InvariantCulture, $"```text\n{XorEpoch10}\n```\n\n");
        text.Append("""
            and ends with the last line of this table, which `train --dataset all` gives (MiniTorch's recommended settings,
            seed 1, hidden 2 for Simple and 10 for the others):


            """);
        text.Append("| dataset | hidden | final loss | correct in the last epoch | correct in `boundary.png` |\n|---|---|---|---|---|\n");
        foreach (var run in ExpectedResults)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {run.Dataset} | {run.Hidden} | {run.FinalLoss} | {run.Correct} / 50 | {run.CorrectAfterLastStep} / 50 |\n");
        }

        text.Append("""

            The log counts the points right during the last epoch, before its step; the picture's title counts them with the
            final model, after that step, so the two can differ (Spiral: by two). Spiral's 50 points on two interleaved arms
            are too hard for this network in 500 epochs: it ends near chance, as MiniTorch's does. The numbers are those of
            the library, bit for bit, when your code adds up in the same order as its: `Linear.Forward` from the bias, input
            by input, and backpropagation visiting the graph newest node first. Another topological order gives the same
            derivatives up to rounding, so the last digits of the losses may differ: with a depth-first sort, reversed, the
            six runs end with the same counts and with losses that agree to 12 significant digits or more (Xor:
            2.9163905240578143).

            ## Grading in CI

            `dotnet run --project tools/MiniTorch.Progress -- --json` prints the report as JSON (each task's state and counts,
            the run's problems, every test), and `--junit progress.xml` also writes the results as JUnit XML, one test suite
            per task, which CI services display. [.github/workflows/course.yml](.github/workflows/course.yml) runs the progress
            table on every push to GitHub and keeps `progress.xml`; the job fails until every task is done.

            ## What differs from the library

            The course is written by a tool from the library's source, so the two cannot drift apart. In the course,
            `Scalar.Backward()` runs your `Autodiff.Backpropagate`, and training uses the graph engine only (a `Scalar` graph
            and `Backward()` per point): the library's tapes and its hand-written baseline are left out, so nothing you did
            not write can hide a mistake in what you did, and `train --threads` accepts only 1. The web sandbox
            (`minitorch serve`) runs on your library too: its Training tab trains with the graph engine, and its pictures run
            your forward pass for every cell (the library replays a tape), so a wide network draws slowly. Warnings do not
            stop the build.

            """);
        return text.ToString();
    }

    // Links to the files, or to their folder where it holds more than three of them (one function per file, say).
    private static string Where(IEnumerable<string> files) =>
        string.Join(", ", files
            .GroupBy(f => f[..(f.LastIndexOf('/') + 1)])
            .SelectMany(folder => folder.Count() > 3
                ? [string.Create(CultureInfo.InvariantCulture, $"[{folder.Key.TrimEnd('/').Split('/')[^1]}/]({folder.Key}) ({folder.Count()} files)")]
                : folder.Select(f => $"[{Path.GetFileName(f)}]({f})")));

    /// <summary>One row of the expected results.</summary>
    /// <param name="Dataset">The dataset.</param>
    /// <param name="Hidden">The hidden width.</param>
    /// <param name="FinalLoss">The total loss logged at epoch 500, round-trip text.</param>
    /// <param name="Correct">The points right during epoch 500.</param>
    /// <param name="CorrectAfterLastStep">The points right with the final model, as boundary.png's title counts them.</param>
    public sealed record ExpectedRun(string Dataset, int Hidden, string FinalLoss, int Correct, int CorrectAfterLastStep);
}
