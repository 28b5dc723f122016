using CsCheck;
using MiniTorch.Expressions;

namespace MiniTorch.Tests.Expressions;

/// <summary>Task 1.2: errors about long input show a window around the problem, with the caret on the right character.</summary>
[Trait("Task", "1.2")]
public sealed class LongInputTests
{
    [Fact]
    public void The_source_line_is_cut_to_a_window_with_ellipses_either_side()
    {
        var text = new string('x', 1000) + ")" + new string('y', 1000);

        var error = Assert.Throws<ExpressionException>(() => Expression.Parse(text));

        Assert.Equal(1001, error.Column);
        var lines = error.FormatWithCaret().Split('\n');
        Assert.Equal("  …" + new string('x', 60) + ")" + new string('y', 59) + "…", lines[1]);
        Assert.Equal("  " + new string(' ', 61) + "^", lines[2]);
    }

    [Fact]
    public void The_caret_points_at_the_reported_character_for_any_length_and_column() =>
        Gen.Select(Gen.Int[0, 3000], Gen.Int[0, 3000]).Sample((before, after) =>
        {
            var text = new string('x', before) + "$" + new string('y', after);

            var error = Assert.Throws<ExpressionException>(() => Expression.Parse(text));

            var lines = error.FormatWithCaret(string.Empty).Split('\n');
            Assert.Equal('$', lines[1][lines[2].Length - 1]);
            Assert.InRange(lines[1].Length, 1, (2 * TextExcerpt.Reach) + 2);
        }, iter: 300);

    [Fact]
    public void A_long_unknown_name_is_shortened_in_the_message()
    {
        var name = new string('f', 5000);

        var error = Assert.Throws<ExpressionException>(() => Expression.Parse(name + "(x)"));

        Assert.Equal($"unknown function '{new string('f', 60)}…' at column 1: known functions are log, exp, sigmoid, relu", error.Message);
    }
}
