using System.Text;
using System.Text.RegularExpressions;

namespace MiniTorch.CourseWriter;

/// <summary>
/// Writes the course version of one source file from its markers: comment lines that start with <c>course:</c>, each
/// opening a region that a <c>course: end</c> line closes.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>// course: task 1.3</c> or <c>// course: task 1.3: what to do</c> around members: each member's body
/// becomes <c>throw new NotImplementedException("Task 1.3: …")</c>, with what to do taken from the marker or else from
/// the member's doc summary. Around statements inside a body, the statements become that one throw (the marker must
/// then say what to do).</item>
/// <item><c>// course: helper 1.4</c> or <c>// course: helper 1.4: why</c>: a helper of task 1.4's solution, in the
/// course only once task 1.4 is solved (until then the learner writes their own way).</item>
/// <item><c>// course: replace with CODE</c>: the course has the one line CODE instead of the region.</item>
/// <item><c>// course: omit</c> or <c>// course: omit: why</c>: the course leaves the region out.</item>
/// </list>
/// XML files (project files) and Markdown files (the guides) use the same markers as <c>&lt;!-- course: … --&gt;</c>
/// comments. The markers themselves never reach the course.
/// </remarks>
internal static partial class MarkedSource
{
    /// <summary>Writes the course version of a file.</summary>
    /// <param name="text">The file's text, with \n line ends.</param>
    /// <param name="path">The file's path, for error messages.</param>
    /// <param name="isSolved">Which tasks to keep solved (their regions stay as written, markers dropped).</param>
    /// <param name="tasks">Receives the task of every task region found.</param>
    /// <returns>The course text.</returns>
    /// <exception cref="InvalidOperationException">A marker is malformed, unknown, nested or not closed; the message
    /// names the file and line.</exception>
    public static string Transform(string text, string path, Func<string, bool> isSolved, ISet<string> tasks)
    {
        var lines = text.Split('\n');
        var result = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            var marker = MarkerLine().Match(lines[i]);
            if (!marker.Success)
            {
                result.Append(lines[i]);
                if (i < lines.Length - 1)
                {
                    result.Append('\n');
                }

                continue;
            }

            var where = $"{path}:{i + 1}";
            var end = FindEnd(lines, i, where);
            var region = string.Join('\n', lines[(i + 1)..end]);
            var indent = marker.Groups["indent"].Value;
            var command = marker.Groups["text"].Value;
            result.Append(Apply(command, region, indent, isSolved, tasks, where));
            i = end;
            if (EndsWithBlankLine(result) && i + 1 < lines.Length && (lines[i + 1].Length == 0 || lines[i + 1].TrimStart() == "}"))
            {
                // A region left out between blank lines (or before a closing brace) leaves one blank line, not two.
                result.Length--;
            }
        }

        return result.ToString();
    }

    private static string Apply(string command, string region, string indent, Func<string, bool> isSolved, ISet<string> tasks, string where)
    {
        if (command == "omit" || command.StartsWith("omit: ", StringComparison.Ordinal))
        {
            return string.Empty;
        }

        if (HelperCommand().Match(command) is { Success: true } helper)
        {
            return isSolved(helper.Groups["task"].Value) ? region + "\n" : string.Empty;
        }

        if (command.StartsWith("replace with ", StringComparison.Ordinal))
        {
            return indent + command["replace with ".Length..] + "\n";
        }

        var task = TaskCommand().Match(command);
        if (!task.Success)
        {
            throw new InvalidOperationException(
                $"{where}: unknown marker 'course: {command}'; markers are 'task N.N[: what to do]', 'helper N.N[: why]', 'replace with CODE', 'omit[: why]' and 'end'.");
        }

        var number = task.Groups["task"].Value;
        var what = task.Groups["what"].Success ? task.Groups["what"].Value : null;
        tasks.Add(number);
        if (isSolved(number))
        {
            return region + "\n";
        }

        if (MemberStart().IsMatch(region))
        {
            return MemberBlanks.Blank(region, number, what) + "\n";
        }

        return what is null
            ? throw new InvalidOperationException($"{where}: a task region around statements needs what to do: 'course: task {number}: …'.")
            : $"{indent}throw new NotImplementedException({MemberBlanks.Message(number, null, what)});\n";
    }

    private static bool EndsWithBlankLine(StringBuilder text) =>
        text.Length >= 2 && text[^1] == '\n' && text[^2] == '\n';

    private static int FindEnd(string[] lines, int start, string where)
    {
        for (var i = start + 1; i < lines.Length; i++)
        {
            var marker = MarkerLine().Match(lines[i]);
            if (marker.Success)
            {
                return marker.Groups["text"].Value == "end"
                    ? i
                    : throw new InvalidOperationException($"{where}: the region is not closed by 'course: end' before the next marker (line {i + 1}).");
            }
        }

        throw new InvalidOperationException($"{where}: the region is not closed by 'course: end'.");
    }

    // A line holding only a course marker, as a C# line comment or an XML comment.
    [GeneratedRegex(@"^(?<indent>[ \t]*)(?://|<!--)[ \t]*course:[ \t]*(?<text>.*?)[ \t]*(?:-->)?[ \t]*$")]
    private static partial Regex MarkerLine();

    [GeneratedRegex(@"^task (?<task>\d\.\d)(?:: (?<what>.+))?$")]
    private static partial Regex TaskCommand();

    [GeneratedRegex(@"^helper (?<task>\d\.\d)(?:: .+)?$")]
    private static partial Regex HelperCommand();

    // The first non-blank line of a region of members: a doc comment, an attribute or a modifier.
    [GeneratedRegex(@"\A\s*(?:///|\[|(?:public|private|internal|protected|static|override|readonly|sealed|abstract|virtual)\b)")]
    private static partial Regex MemberStart();
}
