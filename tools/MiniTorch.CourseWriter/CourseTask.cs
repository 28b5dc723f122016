namespace MiniTorch.CourseWriter;

/// <summary>One MiniTorch task of the course, in the order the course teaches them.</summary>
/// <param name="Id">The task number, as the tests' <c>Task</c> trait spells it: <c>1.3</c>.</param>
/// <param name="Title">What the task is about.</param>
/// <param name="Work">What the learner writes; where it is comes from the markers.</param>
internal sealed record CourseTask(string Id, string Title, string Work)
{
    /// <summary>The tasks of MiniTorch Modules 0 and 1, in order.</summary>
    public static IReadOnlyList<CourseTask> All { get; } =
    [
        new("0.1", "Operators", "the operators on doubles, `Mul` … `ReluBack`"),
        new("0.2", "Testing and debugging", "the property tests of the operators, with CsCheck (one is done as an example)"),
        new("0.3", "Functional Python, in C#", "`Map`, `ZipWith`, `Reduce` and the list functions"),
        new("0.4", "Modules", "`Module`'s tree walking: children, parameters, training mode"),
        new("1.1", "Numerical derivatives", "the central difference"),
        new("1.2", "Scalars", "each function's `Forward` and the `Scalar` operators"),
        new("1.3", "Chain rule", "`ChainRule`: one step of the chain rule"),
        new("1.4", "Backpropagation", "the topological sort, backpropagation and each function's `Backward`"),
        new("1.5", "Training", "nothing: with the rest done, `dotnet run --project src/MiniTorch.Cli -- train` trains the network"),
    ];

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
