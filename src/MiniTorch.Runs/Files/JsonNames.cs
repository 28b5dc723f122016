using System.Globalization;
using System.Text.Json;

namespace MiniTorch.Runs;

/// <summary>
/// JSON allows a name twice in one object, and readers disagree on which value wins (the first, the last, or an
/// error), so every JSON this project reads, model files and the sandbox's requests, is refused when an object repeats
/// a name.
/// </summary>
public static class JsonNames
{
    /// <summary>Finds the first name that appears twice in one object, anywhere in <paramref name="root"/>.</summary>
    /// <param name="root">The document's root.</param>
    /// <returns>
    /// The repeated name's path, dotted from the root with array indexes in brackets (<c>parameters.layer1.bias_0</c>,
    /// <c>points[3].x</c>), or <see langword="null"/> when no object repeats a name. Names are compared exactly.
    /// </returns>
    /// <remarks>The walk is iterative, so that a deeply nested document cannot exhaust the stack.</remarks>
    public static string? FirstRepeated(JsonElement root)
    {
        var pending = new Stack<(JsonElement Element, string Path)>();
        pending.Push((root, string.Empty));
        while (pending.TryPop(out var item))
        {
            if (item.Element.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var element in item.Element.EnumerateArray())
                {
                    pending.Push((element, string.Create(CultureInfo.InvariantCulture, $"{item.Path}[{index++}]")));
                }
            }
            else if (item.Element.ValueKind == JsonValueKind.Object)
            {
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in item.Element.EnumerateObject())
                {
                    var path = item.Path.Length == 0 ? property.Name : $"{item.Path}.{property.Name}";
                    if (!names.Add(property.Name))
                    {
                        return path;
                    }

                    pending.Push((property.Value, path));
                }
            }
        }

        return null;
    }
}
