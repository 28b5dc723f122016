using CsCheck;
using MiniTorch.Expressions;

namespace MiniTorch.Tests.Expressions;

/// <summary>
/// Task 1.2: an expression typed as text computes exactly what the same expression written with Scalar operators in
/// C# computes, value and derivatives alike, bit for bit.
/// </summary>
[Trait("Task", "1.2")]
public sealed class ExpressionRoundTripTests
{
    private static readonly Gen<double[]> Point = Gen.Double[-3.0, 3.0].Array[RandomExpression.Names.Length];

    [Fact]
    public void A_printed_random_expression_parses_back_to_the_same_values_and_gradients() =>
        Gen.Select(RandomExpression.Any, Point).Sample(
            (expression, point) =>
            {
                var leaves = RandomExpression.Names.Select((name, i) => new Scalar(point[i], name)).ToArray();
                var direct = expression.Build(leaves);
                direct.Backward();

                var values = RandomExpression.Names.Select((name, i) => (name, point[i])).ToDictionary();
                var parsed = Expression.Parse(expression.Text).Evaluate(values);
                parsed.Output.Backward();

                BitAssert.Identical(direct.Data, parsed.Output.Data, "value");
                foreach (var leaf in parsed.Variables)
                {
                    var twin = leaves[Array.IndexOf(RandomExpression.Names, leaf.Name)];
                    Assert.Equal(twin.Derivative.HasValue, leaf.Derivative.HasValue);
                    BitAssert.Identical(twin.Derivative ?? 0.0, leaf.Derivative ?? 0.0, $"derivative of {leaf.Name}");
                }
            },
            iter: 2_000,
            print: t => $"{t.Item1.Text} at ({string.Join(", ", t.Item2)})");

    [Fact]
    public void Printed_expressions_mention_exactly_the_variables_they_use() =>
        RandomExpression.Any.Sample(expression =>
        {
            var used = Expression.Parse(expression.Text).Variables.Select(v => v.Name);
            Assert.All(used, name => Assert.Contains(name, RandomExpression.Names));
        });
}
