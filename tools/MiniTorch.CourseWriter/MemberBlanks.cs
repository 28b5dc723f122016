using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace MiniTorch.CourseWriter;

/// <summary>
/// Leaves the members of a task region blank: each body becomes a <see cref="NotImplementedException"/> naming the
/// task and saying what to write, and private fields with initialisers (helpers of the solution) are left out.
/// Declarations, doc comments and attributes stay as they are.
/// </summary>
internal static partial class MemberBlanks
{
    /// <summary>Blanks every member in <paramref name="region"/>.</summary>
    /// <param name="region">Whole member declarations with their doc comments, as they appear in the file.</param>
    /// <param name="task">The task number, for example <c>0.1</c>.</param>
    /// <param name="what">What to do, from the marker; when null, the member's doc summary says it.</param>
    /// <returns>The region with blank bodies.</returns>
    public static string Blank(string region, string task, string? what)
    {
        var mask = CodeMask.Of(region);
        var result = new StringBuilder();
        var pos = 0;
        while (NextCode(region, mask, pos) is var start && start >= 0)
        {
            var member = Member.Read(region, mask, start);
            var trivia = region[pos..start];
            var message = Message(task, member.Name(region), what ?? Summary(trivia));
            if (member.Block >= 0)
            {
                var indent = IndentOf(region, member.Block);
                result.Append(region, pos, member.Block + 1 - pos)
                    .Append('\n').Append(indent).Append("    throw new NotImplementedException(").Append(message).Append(");\n")
                    .Append(indent).Append('}');
            }
            else if (member.Arrow >= 0)
            {
                result.Append(region, pos, member.Arrow - pos)
                    .Append("=> throw new NotImplementedException(").Append(message).Append(");");
            }
            else if (member.Assign >= 0 && member.Header(region).StartsWith("private", StringComparison.Ordinal))
            {
                // A helper field of the solution: the learner writes their own. Its line goes, with its comments.
                pos = SkipLineEnd(region, member.End + 1);
                continue;
            }
            else
            {
                result.Append(region, pos, member.End + 1 - pos);
            }

            pos = member.End + 1;
        }

        var blank = result.Append(region, pos, region.Length - pos).ToString();

        // Helper fields left out at the top of the region would leave it starting with a blank line.
        return region.StartsWith('\n') ? blank : blank.TrimStart('\n');
    }

    /// <summary>The C# string literal of a blank's message: <c>"Task 0.1: write Mul: Multiplication: mul(x, y) = x · y."</c>.</summary>
    /// <param name="task">The task number.</param>
    /// <param name="name">The member's name, or null for statements.</param>
    /// <param name="what">What to do, or null.</param>
    /// <returns>A quoted, escaped literal.</returns>
    public static string Message(string task, string? name, string? what)
    {
        var text = $"Task {task}: " + (name, what) switch
        {
            (null, null) => "write this",
            (null, _) => what,
            (_, null) => $"write {name}",
            _ => $"write {name}: {what}",
        };
        return "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }

    // The first sentence-or-so of the <summary> in the doc comment lines of `trivia`, as plain text.
    private static string? Summary(string trivia)
    {
        var doc = string.Join(' ', trivia.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("///", StringComparison.Ordinal))
            .Select(line => line[3..].Trim()));
        var summary = SummaryElement().Match(doc);
        if (!summary.Success)
        {
            return null;
        }

        var plain = Reference().Replace(summary.Groups["body"].Value, m => m.Groups["name"].Value);
        plain = Tag().Replace(plain, string.Empty);
        // The message names the task already, so a "(Task 1.3)" in the summary goes.
        plain = TaskNote().Replace(plain, string.Empty);
        return WebUtility.HtmlDecode(Spaces().Replace(plain, " ").Trim());
    }

    private static int NextCode(string text, CodeMask mask, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (mask.IsCode(i) && !char.IsWhiteSpace(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static string IndentOf(string text, int index)
    {
        var lineStart = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        var i = lineStart;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        return text[lineStart..i];
    }

    private static int SkipLineEnd(string text, int index)
    {
        var newline = text.IndexOf('\n', index);
        return newline < 0 ? text.Length : newline + 1;
    }

    [GeneratedRegex(@"<summary>(?<body>.*?)</summary>")]
    private static partial Regex SummaryElement();

    [GeneratedRegex(@"<(?:see|paramref|typeparamref)\s+(?:cref|name|langword)=""(?<name>[^""]*)""\s*/>")]
    private static partial Regex Reference();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s*\(Task \d\.\d\)")]
    private static partial Regex TaskNote();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
