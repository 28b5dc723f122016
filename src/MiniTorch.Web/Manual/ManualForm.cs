using MiniTorch.Web.Training;

namespace MiniTorch.Web.Manual;

/// <summary>
/// What the Task 0.5 tab offers, from the one place each is decided: the built-in datasets, the defaults
/// (<see cref="ManualRequest.Defaults"/>) and the ranges the server accepts. The page asks for it rather than repeating it.
/// </summary>
/// <param name="Datasets">The built-in datasets' names, lower case, in MiniTorch's order.</param>
/// <param name="Defaults">Each field's value when none is given.</param>
/// <param name="Ranges">Each number's smallest and largest value: points, seed and parameter (w1, w2 and b alike).</param>
internal sealed record ManualForm(string[] Datasets, ManualRequest Defaults, Dictionary<string, NumberRange> Ranges)
{
    /// <summary>The form, the same for every page.</summary>
    public static ManualForm Current { get; } = new(
        [.. MiniTorch.Datasets.Names.Select(name => name.ToLowerInvariant())],
        ManualRequest.Defaults,
        new Dictionary<string, NumberRange>(StringComparer.Ordinal)
        {
            ["points"] = new(TrainingRequest.MinPoints, TrainingRequest.MaxPoints),
            ["seed"] = new(0, ulong.MaxValue),
            ["parameter"] = new(-ManualRequest.MaxParameter, ManualRequest.MaxParameter),
        });
}
