using System.Globalization;
using System.Text;
using Pidgin;
using Pidgin.Expression;
using static Pidgin.Parser;

namespace MiniTorch.Expressions;

/// <summary>
/// The expression language as Pidgin parser combinators, from the tightest-binding level to the loosest:
/// terms (numbers, variables, calls <c>f(e)</c>, parentheses), method calls <c>.f()</c> (postfix, chainable),
/// unary minus (chainable), <c>* /</c> and <c>+ -</c> (left-associative), then one optional comparison
/// <c>&lt; &gt; ==</c> (not chained). Whitespace may surround every token.
/// </summary>
internal static class ExpressionGrammar
{
    /// <summary>
    /// The deepest parenthesis nesting accepted. Combinator parsers recurse once per level, so the limit keeps any
    /// input from exhausting the stack; it is checked before parsing.
    /// </summary>
    public const int MaxNesting = 100;

    private static readonly Parser<char, int> Column = Parser<char>.CurrentOffset.Select(offset => offset + 1);

    private static readonly Parser<char, Unit> Whitespace = SkipWhitespaces;

    private static readonly Parser<char, string> Identifier = Map(
        (first, rest) => first + rest,
        Parser<char>.Token(IsIdentifierStart).Labelled("a name"),
        Parser<char>.Token(IsIdentifierPart).ManyString());

    private static readonly Parser<char, string> Digits = Parser<char>.Token(c => c is >= '0' and <= '9').AtLeastOnceString();

    // A fraction needs digits after the point, so that "2.log()" is the method log applied to 2.
    private static readonly Parser<char, string> Fraction = Try(Char('.').Then(Digits, (point, digits) => point + digits));

    private static readonly Parser<char, string> Exponent = Try(Map(
        (e, sign, digits) => e + (sign.HasValue ? sign.Value.ToString() : string.Empty) + digits,
        OneOf('e', 'E'),
        OneOf('+', '-').Optional(),
        Digits));

    private static readonly Parser<char, string> NumberText = Map(
        (mantissa, exponent) => mantissa + exponent.GetValueOrDefault(string.Empty),
        Digits.Then(Fraction.Optional(), (whole, fraction) => whole + fraction.GetValueOrDefault(string.Empty))
            .Or(Fraction),
        Exponent.Optional()).Labelled("a number");

    private static readonly Parser<char, SyntaxNode> Number =
        Tok(Map((column, text) => (SyntaxNode)new NumberNode(text, column), Column, NumberText));

    private static readonly Parser<char, Func<SyntaxNode, SyntaxNode>> Method = Map(
        (column, name) => (Func<SyntaxNode, SyntaxNode>)(receiver => new CallNode(name, receiver, column)),
        Tok(Char('.')).Then(Column),
        Tok(Identifier).Before(Tok(Char('('))).Before(Tok(Char(')'))));

    private static readonly Parser<char, SyntaxNode> AnyExpression = BuildExpression();

    private static readonly Parser<char, SyntaxNode> Whole = Whitespace.Then(AnyExpression).Before(Parser<char>.End);

    /// <summary>Parses <paramref name="text"/> into a syntax tree.</summary>
    /// <param name="text">The expression.</param>
    /// <returns>The tree.</returns>
    /// <exception cref="ExpressionException">The text is not an expression, or nests parentheses too deeply.</exception>
    public static SyntaxNode Parse(string text)
    {
        CheckNesting(text);
        var result = Whole.Parse(text);
        if (result.Success)
        {
            return result.Value;
        }

        var error = result.Error!;
        var column = Math.Clamp(error.ErrorOffset + 1, 1, text.Length + 1);
        throw new ExpressionException(text, column, Describe(error), ExpectedText(error, text));
    }

    private static void CheckNesting(string text)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '(' && ++depth > MaxNesting)
            {
                throw new ExpressionException(
                    text,
                    i + 1,
                    "too many nested parentheses",
                    string.Create(CultureInfo.InvariantCulture, $"at most {MaxNesting} levels are allowed"));
            }

            if (text[i] == ')' && depth > 0)
            {
                depth--;
            }
        }
    }

    private static Parser<char, SyntaxNode> BuildExpression() => ExpressionParser.Build<char, SyntaxNode>(
        expression => OneOf(Number, CallOrVariable(expression), Parenthesised(expression)),
        [
            Operator.PostfixChainable(Method),
            Operator.PrefixChainable(Tok(Column.Before(Char('-'))).Select<Func<SyntaxNode, SyntaxNode>>(
                column => operand => new NegateNode(operand, column))),
            Operator.InfixL(Binary('*', BinaryOperator.Multiply)).And(Operator.InfixL(Binary('/', BinaryOperator.Divide))),
            Operator.InfixL(Binary('+', BinaryOperator.Add)).And(Operator.InfixL(Binary('-', BinaryOperator.Subtract))),
            Operator.InfixN(Binary('<', BinaryOperator.Less))
                .And(Operator.InfixN(Binary('>', BinaryOperator.Greater)))
                .And(Operator.InfixN(Tok(Column.Before(Try(String("==")))).Select(Combine(BinaryOperator.Equal)))),
        ]);

    private static Parser<char, SyntaxNode> CallOrVariable(Parser<char, SyntaxNode> expression) => Map(
        (column, name, argument) => argument.HasValue
            ? new CallNode(name, argument.Value, column)
            : (SyntaxNode)new VariableNode(name, column),
        Column,
        Tok(Identifier),
        Parenthesised(expression).Optional());

    private static Parser<char, SyntaxNode> Parenthesised(Parser<char, SyntaxNode> expression) =>
        expression.Between(Tok(Char('(')), Tok(Char(')')));

    private static Parser<char, Func<SyntaxNode, SyntaxNode, SyntaxNode>> Binary(char symbol, BinaryOperator op) =>
        Tok(Column.Before(Char(symbol))).Select(Combine(op));

    private static Func<int, Func<SyntaxNode, SyntaxNode, SyntaxNode>> Combine(BinaryOperator op) =>
        column => (left, right) => new BinaryNode(op, left, right, column);

    private static Parser<char, T> Tok<T>(Parser<char, T> parser) => parser.Before(Whitespace);

    private static bool IsIdentifierStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

    private static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || c is >= '0' and <= '9';

    private static string Describe(ParseError<char> error)
    {
        if (error.EOF || !error.Unexpected.HasValue)
        {
            return "unexpected end of input";
        }

        var c = error.Unexpected.Value;
        return char.IsControl(c) || char.IsSurrogate(c)
            ? string.Create(CultureInfo.InvariantCulture, $"unexpected character U+{(int)c:X4}")
            : $"unexpected '{c}'";
    }

    private static string? ExpectedText(ParseError<char> error, string text)
    {
        var labels = new SortedSet<string>(StringComparer.Ordinal);
        var tokens = new SortedSet<string>(StringComparer.Ordinal);
        var end = false;
        foreach (var expected in error.Expected)
        {
            if (expected.Label is { } label)
            {
                labels.Add(label);
            }
            else if (expected.Tokens is { IsDefaultOrEmpty: false } sequence)
            {
                tokens.Add("'" + new StringBuilder().Append(sequence.AsSpan()) + "'");
            }
            else
            {
                end = true;
            }
        }

        if (end)
        {
            return EndExpectedHint(error, text);
        }

        var options = labels.Concat(tokens).ToList();
        return options.Count switch
        {
            0 => null,
            1 => "expected " + options[0],
            _ => "expected " + string.Join(", ", options.Take(options.Count - 1)) + " or " + options[^1],
        };
    }

    // A whole expression was read and something follows it: name the likely mistake.
    private static string EndExpectedHint(ParseError<char> error, string text)
    {
        var offset = error.ErrorOffset;
        var next = offset + 1 < text.Length ? text[offset + 1] : '\0';
        return error.Unexpected.GetValueOrDefault() switch
        {
            '<' or '>' => "comparisons cannot be chained; add parentheses, as in (a < b) < c",
            '=' when next == '=' => "comparisons cannot be chained; add parentheses, as in (a < b) == c",
            '=' => "write == to compare",
            _ => "expected an operator or the end of the input",
        };
    }
}
