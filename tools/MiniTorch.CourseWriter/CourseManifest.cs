using System.Text.RegularExpressions;

namespace MiniTorch.CourseWriter;

/// <summary>
/// course.manifest: which files of the repository go into the course. Every file must match a rule, so a new file is
/// placed by a rule rather than by surprise; the last rule that matches a file decides.
/// </summary>
/// <remarks>
/// Rules, one a line (<c>#</c> starts a comment, and text after <c> -- </c> is the reason, for the reader):
/// <c>include GLOB</c> copies matching files through the markers; <c>exclude GLOB</c> leaves them out;
/// <c>substitute PATH</c> puts the file of the same path under the writer's Substitutes/ folder in the course instead;
/// <c>add PATH</c> puts the file of that path under Substitutes/ in the course, for a file the repository does not
/// have (the course's CI workflow, say). In globs, <c>*</c> matches within one folder and <c>**</c> across folders.
/// </remarks>
internal sealed class CourseManifest
{
    private readonly List<Rule> _rules;

    private CourseManifest(List<Rule> rules, List<string> added)
    {
        _rules = rules;
        Added = added;
    }

    /// <summary>What happens to a file.</summary>
    public enum Decision
    {
        /// <summary>The file goes into the course through the markers.</summary>
        Include,

        /// <summary>The file stays out of the course.</summary>
        Exclude,

        /// <summary>The course has the writer's substitute instead.</summary>
        Substitute,
    }

    /// <summary>The paths of the files that only the course has, from the <c>add</c> rules.</summary>
    public IReadOnlyList<string> Added { get; }

    /// <summary>Reads a manifest.</summary>
    /// <param name="path">The manifest file.</param>
    /// <returns>The rules.</returns>
    /// <exception cref="InvalidOperationException">A line is not a rule; the message names it.</exception>
    public static CourseManifest Load(string path)
    {
        var rules = new List<Rule>();
        var added = new List<string>();
        var number = 0;
        foreach (var raw in File.ReadAllLines(path))
        {
            number++;
            var line = raw.Split('#')[0].Split(" -- ")[0].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split(' ', 2, StringSplitOptions.TrimEntries);
            if (parts[0] == "add" && parts.Length == 2)
            {
                added.Add(parts[1]);
                continue;
            }

            var decision = parts[0] switch
            {
                "include" => Decision.Include,
                "exclude" => Decision.Exclude,
                "substitute" => Decision.Substitute,
                _ => throw new InvalidOperationException($"{path}:{number}: '{parts[0]}' is not a rule; use include, exclude, substitute or add."),
            };
            if (parts.Length < 2)
            {
                throw new InvalidOperationException($"{path}:{number}: the rule needs a path or glob.");
            }

            rules.Add(new Rule(decision, parts[1], Glob(parts[1])));
        }

        return new CourseManifest(rules, added);
    }

    /// <summary>Decides what happens to one file.</summary>
    /// <param name="relativePath">The file's path from the repository root, with / separators.</param>
    /// <returns>The decision of the last matching rule, or null when no rule matches.</returns>
    public Decision? Decide(string relativePath) =>
        _rules.LastOrDefault(rule => rule.Pattern.IsMatch(relativePath))?.Decision;

    private static Regex Glob(string glob)
    {
        var pattern = Regex.Escape(glob)
            .Replace(@"\*\*/", "(?:.*/)?", StringComparison.Ordinal)
            .Replace(@"\*\*", ".*", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal)
            .Replace(@"\?", "[^/]", StringComparison.Ordinal);
        return new Regex("^" + pattern + "$", RegexOptions.CultureInvariant);
    }

    private sealed record Rule(Decision Decision, string Text, Regex Pattern);
}
