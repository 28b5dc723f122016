using System.Text;

namespace MiniTorch.CourseWriter;

/// <summary>The course's solution file: every project the course holds, in solution folders by top folder.</summary>
internal static class CourseSolution
{
    /// <summary>Writes the .slnx text.</summary>
    /// <param name="paths">The course's files, paths from its root.</param>
    /// <returns>The solution.</returns>
    public static string Text(IEnumerable<string> paths)
    {
        var text = new StringBuilder("<Solution>\n");
        foreach (var group in paths.Where(p => p.EndsWith(".csproj", StringComparison.Ordinal))
                     .GroupBy(p => p.Split('/')[0])
                     .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.Append("  <Folder Name=\"/").Append(group.Key).Append("/\">\n");
            foreach (var project in group.Order(StringComparer.Ordinal))
            {
                text.Append("    <Project Path=\"").Append(project).Append("\" />\n");
            }

            text.Append("  </Folder>\n");
        }

        return text.Append("</Solution>\n").ToString();
    }
}
