namespace MiniTorch.CourseWriter;

/// <summary>
/// Tells which characters of C# text are code, as opposed to comments and the literal parts of strings and
/// characters, so that braces, semicolons and arrows can be found by counting without a full parser.
/// </summary>
/// <remarks>
/// Knows line and block comments, character literals, and regular, verbatim and interpolated strings (whose holes are
/// code again, strings inside holes included). Raw string literals are not used in the marked source.
/// </remarks>
internal sealed class CodeMask
{
    private readonly string _text;
    private readonly bool[] _isCode;

    private CodeMask(string text)
    {
        _text = text;
        _isCode = new bool[text.Length];
    }

    /// <summary>Classifies every character of <paramref name="text"/>.</summary>
    /// <param name="text">C# source, whole members or statements.</param>
    /// <returns>The mask.</returns>
    public static CodeMask Of(string text)
    {
        var mask = new CodeMask(text);
        mask.Code(0, inHole: false);
        return mask;
    }

    /// <summary>True when the character at <paramref name="index"/> is code.</summary>
    /// <param name="index">A position in the text.</param>
    /// <returns>False inside comments and string or character literals.</returns>
    public bool IsCode(int index) => _isCode[index];

    // Scans code from i; in an interpolation hole, stops at the closing brace. Returns the index after what it read.
    private int Code(int i, bool inHole)
    {
        var depth = 0;
        while (i < _text.Length)
        {
            var c = _text[i];
            var next = i + 1 < _text.Length ? _text[i + 1] : '\0';
            if (c == '/' && next == '/')
            {
                i = SkipTo(i, "\n");
            }
            else if (c == '/' && next == '*')
            {
                i = SkipTo(i + 2, "*/");
            }
            else if (c == '\'')
            {
                i = Literal(i, '\'');
            }
            else if (c is '"' or '$' or '@' && StringStart(i) is { } literal)
            {
                i = String(literal.Quote, literal.Verbatim, literal.Interpolated);
            }
            else
            {
                if (inHole && c == '}' && depth == 0)
                {
                    return i;
                }

                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                _isCode[i] = true;
                i++;
            }
        }

        return i;
    }

    // A string literal starting at i: the position of its opening quote and its kind, or null when i starts none.
    private (int Quote, bool Verbatim, bool Interpolated)? StringStart(int i)
    {
        var verbatim = false;
        var interpolated = false;
        while (i < _text.Length && _text[i] is '$' or '@')
        {
            verbatim |= _text[i] == '@';
            interpolated |= _text[i] == '$';
            i++;
        }

        return i < _text.Length && _text[i] == '"' ? (i, verbatim, interpolated) : null;
    }

    private int String(int quote, bool verbatim, bool interpolated)
    {
        var i = quote + 1;
        while (i < _text.Length)
        {
            var c = _text[i];
            if (!verbatim && c == '\\')
            {
                i += 2;
            }
            else if (c == '"' && verbatim && i + 1 < _text.Length && _text[i + 1] == '"')
            {
                i += 2;
            }
            else if (c == '"')
            {
                return i + 1;
            }
            else if (interpolated && c == '{' && i + 1 < _text.Length && _text[i + 1] == '{')
            {
                i += 2;
            }
            else if (interpolated && c == '{')
            {
                i = Code(i + 1, inHole: true) + 1;
            }
            else
            {
                i++;
            }
        }

        return i;
    }

    private int Literal(int i, char close)
    {
        i++;
        while (i < _text.Length && _text[i] != close)
        {
            i += _text[i] == '\\' ? 2 : 1;
        }

        return i + 1;
    }

    private int SkipTo(int i, string end)
    {
        var at = _text.IndexOf(end, i, StringComparison.Ordinal);
        return at < 0 ? _text.Length : at + end.Length;
    }
}
