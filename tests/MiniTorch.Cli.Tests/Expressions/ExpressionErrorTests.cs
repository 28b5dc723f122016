using MiniTorch.Expressions;

namespace MiniTorch.Tests.Expressions;

/// <summary>Task 1.2: a malformed expression gives one message naming the column, and a caret under it.</summary>
[Trait("Task", "1.2")]
public sealed class ExpressionErrorTests
{
    [Theory]
    [InlineData("x * (y))", 8, "unexpected ')' at column 8")]
    [InlineData("x +", 4, "unexpected end of input at column 4: expected a name, a number or '('")]
    [InlineData("", 1, "unexpected end of input at column 1")]
    [InlineData("(x", 3, "unexpected end of input at column 3: expected ')'")]
    [InlineData("2x", 2, "unexpected 'x' at column 2: expected an operator or the end of the input")]
    [InlineData("x @ y", 3, "unexpected '@' at column 3")]
    [InlineData("x.log", 6, "unexpected end of input at column 6: expected '('")]
    [InlineData("x.5", 3, "unexpected '5' at column 3: expected a name")]
    [InlineData("a < b < c", 7, "unexpected '<' at column 7: comparisons cannot be chained")]
    [InlineData("a == b == c", 8, "unexpected '=' at column 8: comparisons cannot be chained")]
    [InlineData("a = b", 3, "unexpected '=' at column 3: write == to compare")]
    [InlineData("x\u0001", 2, "unexpected character U+0001 at column 2")]
    [InlineData("1e999 + x", 1, "number 1e999 is too large at column 1")]
    public void Syntax_errors_name_the_column(string text, int column, string message)
    {
        var error = Assert.Throws<ExpressionException>(() => Expression.Parse(text));
        Assert.Equal(column, error.Column);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(text, error.ExpressionText);
    }

    [Fact]
    public void An_unknown_function_lists_the_known_ones()
    {
        var error = Assert.Throws<ExpressionException>(() => Expression.Parse("x + tanh(x).foo()"));
        Assert.Equal("unknown function 'tanh' at column 5: known functions are log, exp, sigmoid, relu", error.Message);
    }

    [Fact]
    public void An_unknown_method_is_reported_at_its_name()
    {
        var error = Assert.Throws<ExpressionException>(() => Expression.Parse("x.foo()"));
        Assert.Equal(3, error.Column);
        Assert.Contains("unknown function 'foo'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_value_names_the_variable_at_its_first_occurrence()
    {
        var error = Assert.Throws<ExpressionException>(() =>
            Expression.Parse("x * y + y").Evaluate(new Dictionary<string, double> { ["x"] = 1.0 }));
        Assert.Equal("no value for variable 'y' at column 5", error.Message);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused_before_parsing()
    {
        var text = new string('(', 5_000) + "x" + new string(')', 5_000);
        var error = Assert.Throws<ExpressionException>(() => Expression.Parse(text));
        Assert.Equal(101, error.Column);

        var deepest = new string('(', 100) + "x" + new string(')', 100);
        Assert.Single(Expression.Parse(deepest).Variables);
    }

    [Fact]
    public void Anomalies_during_evaluation_become_expression_errors_at_the_operation()
    {
        using var scope = Autodiff.DetectAnomalies();
        var error = Assert.Throws<ExpressionException>(() =>
            Expression.Parse("x + 1 / x").Evaluate(new Dictionary<string, double> { ["x"] = 0.0 }));
        Assert.Equal(7, error.Column);
        Assert.IsType<AnomalyException>(error.InnerException);
    }

    [Fact]
    public void The_caret_sits_under_the_column()
    {
        var error = Assert.Throws<ExpressionException>(() => Expression.Parse("x *\t(y))"));
        Assert.Equal("unexpected ')' at column 8: expected an operator or the end of the input\n  x * (y))\n         ^", error.FormatWithCaret());
    }
}
