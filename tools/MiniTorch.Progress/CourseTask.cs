namespace MiniTorch.Progress;

/// <summary>One MiniTorch task of the course, in the order the course teaches them.</summary>
/// <param name="Id">The task number, as the tests' <c>Task</c> trait spells it: <c>1.3</c>.</param>
/// <param name="Title">What the task is about.</param>
/// <param name="Work">What the learner writes; where it is comes from the markers.</param>
/// <param name="Guides">The guides that explain it, paths from the course's root.</param>
/// <param name="ByHand">True for a task done by hand rather than in code: Task 0.5, the classifier set on the sandbox's
/// page. It has no tests and no row in the progress table; the README says what to do and where to write the result.</param>
/// <param name="FirstChecks">The test classes (without namespace) whose failures the progress table shows first, in
/// this order: those that check one piece alone, so that the first failure shown points at the piece to fix.</param>
internal sealed record CourseTask(string Id, string Title, string Work, IReadOnlyList<string> Guides, bool ByHand = false, IReadOnlyList<string>? FirstChecks = null)
{
    /// <summary>The tasks of MiniTorch Modules 0 and 1, in order.</summary>
    public static IReadOnlyList<CourseTask> All { get; } =
    [
        new("0.1", "Operators", "the operators on doubles, `Mul` … `ReluBack`", ["docs/guides/0a-operators.md"]),
        new("0.2", "Testing and debugging", "the property tests of the operators, with CsCheck (the first one is done as an example); each must catch its broken operator", ["docs/guides/0a-operators.md"], FirstChecks: ["OperatorPropertiesTests"]),
        new("0.3", "Functional Python, in C#", "`Map`, `ZipWith`, `Reduce` and the list functions built from them", ["docs/guides/0b-functional.md"]),
        new("0.4", "Modules", "`Module`'s tree walking: children, parameters, training mode", ["docs/guides/0c-modules.md"]),
        new("0.5", "Visualization", "hand-set the parameters of a small classifier until it splits Simple and Diag", ["docs/guides/0d-manual-classifier.md"], ByHand: true),
        new("1.1", "Numerical derivatives", "the central difference", ["docs/guides/01-derivatives.md"]),
        new("1.2", "Scalars", "each function's `Forward` and the `Scalar` operators", ["docs/guides/02-scalars.md", "docs/guides/03-functions.md"]),
        new("1.3", "Chain rule", "`ChainRule`: one step of the chain rule", ["docs/guides/04-chain-rule.md"]),
        new("1.4", "Backpropagation", "each function's `Backward`, the topological sort and backpropagation", ["docs/guides/03-functions.md", "docs/guides/05-backpropagation.md"], FirstChecks: ["FunctionBackwardTests", "TopologicalSortTests", "BackpropagateTests"]),
        new("1.5", "Training", "`Linear.Forward` and the three layers of `Network` (MiniTorch's `run_scalar.py`); the training loop is given", ["docs/guides/06-training.md"], FirstChecks: ["LinearTests", "NetworkTests"]),
    ];

    /// <summary>The tasks written in code: each has tests and a row in the progress table.</summary>
    public static IReadOnlyList<CourseTask> Tested { get; } = [.. All.Where(t => !t.ByHand)];

    /// <summary>The position of a task in <see cref="All"/>.</summary>
    /// <param name="id">A task number.</param>
    /// <returns>The index.</returns>
    /// <exception cref="ArgumentException">No task has that number.</exception>
    public static int IndexOf(string id)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i].Id == id)
            {
                return i;
            }
        }

        throw new ArgumentException($"'{id}' is not a task of the course; tasks: {string.Join(", ", All.Select(t => t.Id))}.", nameof(id));
    }
}
