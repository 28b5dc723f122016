using System.Text.RegularExpressions;

namespace MiniTorch.CourseWriter;

/// <summary>
/// Where the parts of one member declaration are in a text: its header (after any attributes) and its body, which is
/// a block, an expression after <c>=&gt;</c>, an initialiser after <c>=</c>, or nothing.
/// </summary>
/// <param name="HeaderStart">The first character after the attributes.</param>
/// <param name="Block">The opening brace of a block body, or -1.</param>
/// <param name="Arrow">The <c>=&gt;</c> of an expression body, or -1.</param>
/// <param name="Assign">The <c>=</c> of an initialiser, or -1.</param>
/// <param name="End">The closing brace or semicolon: the member's last character.</param>
internal readonly partial record struct Member(int HeaderStart, int Block, int Arrow, int Assign, int End)
{
    /// <summary>Finds the parts of the member declared from <paramref name="start"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="mask">Which characters of it are code.</param>
    /// <param name="start">The first code character of the declaration (an attribute's bracket or a modifier).</param>
    /// <returns>The member.</returns>
    /// <exception cref="InvalidOperationException">The declaration does not end in the text.</exception>
    public static Member Read(string text, CodeMask mask, int start)
    {
        var headerStart = start;
        int depth = 0, arrow = -1, assign = -1, block = -1;
        for (var i = start; i < text.Length; i++)
        {
            if (!mask.IsCode(i))
            {
                continue;
            }

            var c = text[i];
            if (c == '[' && depth == 0 && i == headerStart)
            {
                // An attribute: the header starts after it.
                var close = Matching(text, mask, i);
                headerStart = NextCodeAfter(text, mask, close + 1);
                i = headerStart - 1;
            }
            else if (c == '{' && depth == 0 && arrow < 0 && assign < 0)
            {
                block = i;
                return new Member(headerStart, block, arrow, assign, Matching(text, mask, i));
            }
            else if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                depth--;
            }
            else if (c == ';' && depth == 0)
            {
                return new Member(headerStart, block, arrow, assign, i);
            }
            else if (c == '=' && depth == 0 && arrow < 0 && assign < 0)
            {
                var next = i + 1 < text.Length ? text[i + 1] : '\0';
                var previous = text[i - 1];
                if (next == '>')
                {
                    arrow = i;
                }
                else if (next != '=' && previous is not ('=' or '!' or '<' or '>'))
                {
                    assign = i;
                }
            }
        }

        throw new InvalidOperationException($"A declaration starting with '{Excerpt(text, start)}' does not end in its region.");
    }

    /// <summary>The declaration's header: modifiers, type, name and parameters.</summary>
    /// <param name="text">The text the member was read from.</param>
    /// <returns>The header, trimmed.</returns>
    public string Header(string text)
    {
        var bodyStart = Block >= 0 ? Block : Arrow >= 0 ? Arrow : Assign >= 0 ? Assign : End;
        return text[HeaderStart..bodyStart].Trim();
    }

    /// <summary>The member's name as a reader calls it: <c>Mul</c>, <c>operator +</c>, <c>Training</c>.</summary>
    /// <param name="text">The text the member was read from.</param>
    /// <returns>The name, or null when none is found.</returns>
    public string? Name(string text)
    {
        var header = Header(text);
        var op = Operator().Match(header);
        if (op.Success)
        {
            return "operator " + op.Groups["op"].Value;
        }

        var method = Method().Match(header);
        if (method.Success)
        {
            return method.Groups["name"].Value;
        }

        var property = Property().Match(header);
        return property.Success ? property.Groups["name"].Value : null;
    }

    private static int Matching(string text, CodeMask mask, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            if (!mask.IsCode(i))
            {
                continue;
            }

            depth += text[i] is '(' or '[' or '{' ? 1 : text[i] is ')' or ']' or '}' ? -1 : 0;
            if (depth == 0)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"'{Excerpt(text, open)}' is not closed in its region.");
    }

    private static int NextCodeAfter(string text, CodeMask mask, int from)
    {
        var i = from;
        while (i < text.Length && (!mask.IsCode(i) || char.IsWhiteSpace(text[i])))
        {
            i++;
        }

        return i;
    }

    private static string Excerpt(string text, int start) =>
        text.Substring(start, Math.Min(60, text.Length - start)).ReplaceLineEndings(" ");

    [GeneratedRegex(@"operator\s*(?<op>[^\s(]+)")]
    private static partial Regex Operator();

    // The identifier before the parameter list: the first word followed by "(" that is not a modifier, so that a tuple
    // return type, "public (int A, int B) Pair()", is not read as a method named "public".
    [GeneratedRegex(@"\b(?!(?:public|private|internal|protected|static|override|virtual|abstract|sealed|readonly|new|unsafe|extern|async)\b)(?<name>\w+)\s*(?:<[^()]*>)?\s*\(")]
    private static partial Regex Method();

    [GeneratedRegex(@"(?<name>\w+)\s*$")]
    private static partial Regex Property();
}
