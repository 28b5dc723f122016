using MiniTorch.Expressions;

namespace MiniTorch.Tests.Expressions;

/// <summary>
/// Task 1.4 in words: each step of the backward pass names its function and writes the chain rule with its numbers,
/// and each node lists the shares it collects as they arrive.
/// </summary>
[Trait("Task", "1.4")]
public sealed class ChainRuleTextTests
{
    [Fact]
    public void The_reference_expression_s_steps_read_as_the_chain_rule_with_numbers()
    {
        var output = Expression.Parse("(x * x) * y + 10.0 * x").Evaluate(new Dictionary<string, double> { ["x"] = 2, ["y"] = 3 }).Output;
        var names = ScalarNames.Of(output);

        var steps = BackwardTrace.Of(output).Select(step => ChainRuleText.Step(step, names)).ToArray();

        Assert.Equal(
            [
                ["x * x * y + 10 * x = Add(x * x * y, 10 * x) = 32", "d(x * x * y + 10 * x) = 1, where the backward pass starts", "d(x * x * y) += 1 \u00d7 1 = 1", "d(10 * x) += 1 \u00d7 1 = 1"],
                ["10 * x = Mul(10, x) = 20", "d(10 * x) = 1", "10 is a constant: it collects nothing", "d(x) += 1 \u00d7 10 = 10"],
                ["x * x * y = Mul(x * x, y) = 12", "d(x * x * y) = 1", "d(x * x) += 1 \u00d7 y = 1 \u00d7 3 = 3", "d(y) += 1 \u00d7 (x * x) = 1 \u00d7 4 = 4"],
                ["x * x = Mul(x, x) = 4", "d(x * x) = 3", "d(x) += 3 \u00d7 x = 3 \u00d7 2 = 6", "d(x) += 3 \u00d7 x = 3 \u00d7 2 = 6"],
                ["y is a leaf: d(y) = 4, its gradient"],
                ["x is a leaf: d(x) = 10 + 6 + 6 = 22, its gradient"],
            ],
            steps);
    }

    [Theory]
    [InlineData("log(x)", "d(x) += 1 \u00d7 1 / x = 1 \u00d7 \u22480.25 = \u22480.25")]
    [InlineData("exp(x)", "d(x) += 1 \u00d7 exp(x) = 1 \u00d7 \u224854.5982 = \u224854.5982")]
    [InlineData("relu(x)", "d(x) += 1 \u00d7 (1 if x > 0 else 0) = 1 \u00d7 1 = 1")]
    [InlineData("-x", "d(x) += 1 \u00d7 -1 = -1")]
    [InlineData("sigmoid(x)", "d(x) += 1 \u00d7 \u03c3(x) \u00d7 (1 - \u03c3(x)) = 1 \u00d7 \u22480.0176627 = \u22480.0176627")]
    [InlineData("x < 5", "d(x) += 1 \u00d7 0 = 0")]
    public void Each_function_writes_its_local_derivative_in_symbols_and_numbers(string text, string rule)
    {
        var output = Expression.Parse(text).Evaluate(new Dictionary<string, double> { ["x"] = 4 }).Output;

        var first = ChainRuleText.Step(BackwardTrace.Of(output)[0], ScalarNames.Of(output));

        Assert.Contains(rule, first);
    }

    [Fact]
    public void One_over_x_squares_the_input_in_parentheses()
    {
        var x = new Scalar(2.0, "x");
        var output = 1.0 / (x + 2.0);

        var steps = BackwardTrace.Of(output);
        var lines = ChainRuleText.Step(steps[1], ScalarNames.Of(output));

        Assert.Contains("d(x + 2) += 1 \u00d7 -1 / (x + 2)\u00b2 = 1 \u00d7 -0.0625 = -0.0625", lines);
    }

    [Theory]
    [InlineData(new[] { 10.0, 6.0, 6.0 }, 22.0, "10 + 6 + 6 = 22")]
    [InlineData(new[] { 10.0, -6.0 }, 4.0, "10 \u2212 6 = 4")]
    [InlineData(new[] { 0.1, 0.2 }, 0.30000000000000004, "0.1 + 0.2 = \u22480.3")]
    [InlineData(new[] { 2.5 }, 2.5, "2.5")]
    [InlineData(new double[0], 1.0, "1")]
    [InlineData(new[] { 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0 }, 28.0, "1 + 2 + \u2026 + 7 (7 shares) = 28")]
    public void A_sum_lists_its_shares_in_order_of_arrival(double[] shares, double total, string text) =>
        Assert.Equal(text, ChainRuleText.Sum(shares, total));

    [Fact]
    public void The_collected_sum_of_each_input_is_the_derivative_its_own_step_starts_with_bit_for_bit()
    {
        var x = new Scalar(0.1, "x");
        var y = new Scalar(0.7, "y");
        var output = (x * y) + (x * 0.3) + (y * x).Sigmoid() + x.Exp();

        var steps = BackwardTrace.Of(output);
        var lastCollected = new Dictionary<Scalar, double>(ReferenceEqualityComparer.Instance);
        foreach (var term in steps.SelectMany(step => step.Terms).Where(term => term.IsPassedOn))
        {
            lastCollected[term.Input] = term.Collected;
        }

        foreach (var step in steps.Skip(1))
        {
            Assert.Equal(lastCollected[step.Scalar], step.Derivative);
            Assert.Equal(step.Received.Count, steps.SelectMany(s => s.Terms).Count(t => ReferenceEquals(t.Input, step.Scalar)));
        }
    }
}
