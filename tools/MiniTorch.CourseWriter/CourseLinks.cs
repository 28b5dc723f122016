using System.Text;
using System.Text.RegularExpressions;

namespace MiniTorch.CourseWriter;

/// <summary>
/// Finds the dead links of the written course: every link and image of its Markdown files that points inside the
/// course must reach a file or folder of the course, and a <c>#fragment</c> a heading of the page it names. Links to
/// other sites are not followed.
/// </summary>
internal static partial class CourseLinks
{
    /// <summary>Lists the dead links.</summary>
    /// <param name="files">The course's files, by path from its root.</param>
    /// <returns>One line per dead link: the page, the link, and why.</returns>
    public static IReadOnlyList<string> Dead(IReadOnlyDictionary<string, byte[]> files)
    {
        var dead = new List<string>();
        var pages = files.Where(f => f.Key.EndsWith(".md", StringComparison.Ordinal))
            .ToDictionary(f => f.Key, f => FencedBlock().Replace(Encoding.UTF8.GetString(f.Value), string.Empty), StringComparer.Ordinal);
        foreach (var (page, text) in pages)
        {
            // Code spans hold no links.
            foreach (Match link in Link().Matches(CodeSpan().Replace(text, string.Empty)))
            {
                var target = link.Groups["target"].Value;
                if (External().IsMatch(target))
                {
                    continue;
                }

                var hash = target.IndexOf('#', StringComparison.Ordinal);
                var path = hash < 0 ? target : target[..hash];
                var fragment = hash < 0 ? null : target[(hash + 1)..];
                var resolved = path.Length == 0 ? page : Resolve(page, path);
                if (resolved is null || !(files.ContainsKey(resolved) || files.Keys.Any(f => f.StartsWith(resolved.TrimEnd('/') + "/", StringComparison.Ordinal))))
                {
                    dead.Add($"{page}: ({target}) reaches no file of the course");
                }
                else if (fragment is not null && pages.TryGetValue(resolved, out var linked) && !Anchors(linked).Contains(fragment))
                {
                    dead.Add($"{page}: ({target}) names no heading of {resolved}");
                }
            }
        }

        return dead;
    }

    // The course path a relative link from `page` reaches, or null when it climbs out of the course.
    private static string? Resolve(string page, string link)
    {
        var parts = new List<string>(page.Split('/')[..^1]);
        foreach (var part in Uri.UnescapeDataString(link).Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
            }
            else if (part is not ("." or ""))
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts) + (link.EndsWith('/') ? "/" : string.Empty);
    }

    // GitHub's anchors of a page's headings (code blocks removed): lower case, punctuation dropped, spaces as hyphens.
    private static HashSet<string> Anchors(string text) =>
        [.. Heading().Matches(text).Select(h => Slug(h.Groups["title"].Value))];

    private static string Slug(string title)
    {
        var slug = new StringBuilder();
        foreach (var c in title.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }

    [GeneratedRegex(@"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^[a-z][a-z0-9+.-]*:", RegexOptions.IgnoreCase)]
    private static partial Regex External();

    [GeneratedRegex(@"^#{1,6}\s+(?<title>.+?)\s*#*\s*$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^```.*?^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex CodeSpan();
}
