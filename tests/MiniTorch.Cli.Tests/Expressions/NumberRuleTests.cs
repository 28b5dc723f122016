using System.Globalization;
using CsCheck;
using MiniTorch.Expressions;

namespace MiniTorch.Tests.Expressions;

/// <summary>Task 1.2: one rule for numbers, in expressions and in values: finite decimal numbers only.</summary>
[Trait("Task", "1.2")]
public sealed class NumberRuleTests
{
    [Theory]
    [InlineData("2", 2.0)]
    [InlineData("-0.5", -0.5)]
    [InlineData("+1e-3", 0.001)]
    [InlineData(".5", 0.5)]
    [InlineData("1E+2", 100.0)]
    [InlineData("1e-400", 0.0)]
    public void Finite_decimal_numbers_are_read(string text, double expected) =>
        Assert.Equal(expected, DecimalNumber.Parse(text));

    [Theory]
    [InlineData("inf", "'inf' is not a finite decimal number")]
    [InlineData("-Infinity", "'-Infinity' is not a finite decimal number")]
    [InlineData("NaN", "'NaN' is not a finite decimal number")]
    [InlineData("1e400", "number 1e400 is too large")]
    [InlineData("-1e400", "number -1e400 is too large")]
    [InlineData("1.", "'1.' is not a number")]
    [InlineData("0x10", "'0x10' is not a number")]
    [InlineData("1,5", "'1,5' is not a number")]
    [InlineData("", "'' is not a number")]
    public void Anything_else_is_refused_naming_the_value(string text, string reason)
    {
        var error = Assert.Throws<ExpressionException>(() => DecimalNumber.Parse(text));

        Assert.Equal(reason, error.Reason);
        Assert.StartsWith("only finite decimal numbers are accepted", error.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x + 1e400", 5, "number 1e400 is too large at column 5: only finite decimal numbers are accepted, and a double holds at most about 1.8e308")]
    [InlineData("2 * inf", 5, "'inf' is not a finite decimal number at column 5: only finite decimal numbers are accepted, such as 2, -0.5 or 1e-3; inf, infinity and nan are not names either")]
    [InlineData("Infinity - x", 1, "'Infinity' is not a finite decimal number at column 1")]
    [InlineData("log(NaN)", 5, "'NaN' is not a finite decimal number at column 5")]
    public void Expressions_follow_the_same_rule(string text, int column, string message)
    {
        var error = Assert.Throws<ExpressionException>(() => Expression.Parse(text));

        Assert.Equal(column, error.Column);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_finite_double_written_in_round_trip_form_reads_back_exactly() =>
        Gen.Double.Where(double.IsFinite).Sample(value =>
            Assert.Equal(value, DecimalNumber.Parse(value.ToString("R", CultureInfo.InvariantCulture))));

    [Fact]
    public void A_number_of_more_than_308_digits_from_2e308_up_is_refused_at_its_column() =>
        Gen.Select(Gen.Int[309, 2000], Gen.Char['2', '9'], Gen.Int[0, 5].Select(n => new string(' ', n))).Sample((digits, first, space) =>
        {
            var number = first + new string('0', digits - 1);
            var text = "x *" + space + number + " + y";

            var error = Assert.Throws<ExpressionException>(() => Expression.Parse(text));

            Assert.Equal(4 + space.Length, error.Column);
            Assert.Equal($"number {number[..30]}… ({digits} characters) is too large", error.Reason);
        }, iter: 200);
}
