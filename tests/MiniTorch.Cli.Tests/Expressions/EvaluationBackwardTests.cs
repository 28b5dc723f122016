using MiniTorch.Expressions;

namespace MiniTorch.Tests.Expressions;

/// <summary>
/// Task 1.4 on typed expressions, as <c>minitorch grad --check</c> and the sandbox show it: each variable's derivative
/// after one backward pass, and its check against the central difference by the library's one rule.
/// </summary>
[Trait("Task", "1.4")]
public sealed class EvaluationBackwardTests
{
    [Fact]
    public void Every_variable_gets_its_derivative_in_order_of_first_appearance()
    {
        var evaluation = Expression.Parse("(x * x) * y + 10.0 * x").Evaluate(new Dictionary<string, double> { ["x"] = 2, ["y"] = 3 });

        var derivatives = evaluation.Backward(check: false);

        Assert.Equal([("x", 2.0, 22.0), ("y", 3.0, 4.0)], derivatives.Select(d => (d.Name, d.Value, d.Derivative)));
        Assert.All(derivatives, d => Assert.Null(d.Verdict));
        Assert.All(derivatives, d => Assert.Null(d.CentralDifference));
    }

    [Theory]
    [InlineData("x * y", 2.0, DerivativeVerdict.Pass)]
    [InlineData("x.relu()", 0.0, DerivativeVerdict.Fail)]
    [InlineData("log(x)", 0.0, DerivativeVerdict.CannotCheck)]
    public void The_check_gives_the_librarys_verdict(string text, double at, DerivativeVerdict verdict)
    {
        var expression = Expression.Parse(text);
        var values = expression.Variables.ToDictionary(v => v.Name, _ => at);

        var derivative = expression.Evaluate(values).Backward(check: true)[0];

        Assert.Equal(verdict, derivative.Verdict);
        Assert.Equal(Autodiff.CompareDerivatives(derivative.Derivative, derivative.CentralDifference!.Value), derivative.Verdict);
    }
}
