using System.Text.RegularExpressions;
using CsCheck;
using MiniTorch.Expressions;

namespace MiniTorch.Tests.Expressions;

/// <summary>
/// Task 1.4, as a learner reads a graph: every scalar named by its expression text while short, else v1, v2 … in
/// creation order, never by the process-wide id.
/// </summary>
[Trait("Task", "1.4")]
public sealed partial class ScalarNamesTests
{
    [Fact]
    public void The_reference_expression_is_named_by_its_own_text()
    {
        var output = Expression.Parse("(x * x) * y + 10.0 * x").Evaluate(new Dictionary<string, double> { ["x"] = 2, ["y"] = 3 }).Output;

        var names = ScalarNames.Of(output);

        Assert.Equal(["x", "y", "x * x", "x * x * y", "10", "10 * x", "x * x * y + 10 * x"], names.Scalars.Select(s => names[s]));
        Assert.Equal(["n0", "n1", "n2", "n3", "n4", "n5", "n6"], names.Scalars.Select(names.Key));
    }

    [Fact]
    public void A_text_longer_than_20_characters_becomes_v1_v2_in_creation_order_skipping_names_in_use()
    {
        var v1 = new Scalar(2.0, "v1");
        var first = (v1 * v1 * v1 * v1 * v1) + 1.0;
        var second = (first * first * first) + 1.0;

        var names = ScalarNames.Of(second);

        Assert.Equal(
            ["v1", "v1 * v1", "v1 * v1 * v1", "v1 * v1 * v1 * v1", "v2", "1", "v2 + 1", "(v2 + 1) * (v2 + 1)", "v3", "1", "v3 + 1"],
            names.Scalars.Select(s => names[s]));
    }

    [Fact]
    public void The_same_expression_built_twice_has_the_same_names_whatever_the_ids()
    {
        var once = ScalarNames.Of(Build());
        _ = Enumerable.Range(0, 100).Select(i => new Scalar(i)).ToList();
        var again = ScalarNames.Of(Build());

        Assert.Equal(once.Scalars.Select(s => once[s]), again.Scalars.Select(s => again[s]));
        Assert.DoesNotContain(again.Scalars, s => again[s].Contains('#', StringComparison.Ordinal));

        static Scalar Build()
        {
            var a = new Scalar(1.5);
            return ((a * 3.0).Relu() + a.Log()).Sigmoid() - (a / 2.0);
        }
    }

    [Fact]
    public void An_unnamed_leaf_is_a_v_name_and_given_names_replace_the_leaves_own()
    {
        var w = new Scalar(0.5);
        var x = new Scalar(2.0, "x");

        var product = x * w;

        var names = ScalarNames.Of(product, new Dictionary<Scalar, string>(ReferenceEqualityComparer.Instance) { [x] = "x1" });

        Assert.Equal("x1", names[x]);
        Assert.Equal("v1", names[w]);
        Assert.Equal("x1 * v1", names[product]);
    }

    [Fact]
    public void Parentheses_keep_the_shape_of_the_graph()
    {
        var x = new Scalar(1.0, "x");
        var y = new Scalar(2.0, "y");

        Assert.Equal("x * (y * x)", Last(x * (y * x)));
        Assert.Equal("-(x + y)", Last(-(x + y)));
        Assert.Equal("x * (1 / y)", Last(x / y));
        Assert.Equal("x + -3", Last(x - 3.0));
        Assert.Equal("y < x + 1", Last((x + 1.0) > y));
        Assert.Equal("relu(x * -2)", Last((x * -2.0).Relu()));
    }

    [Fact]
    public void Every_name_written_as_expression_text_evaluates_to_its_scalar_s_value_bit_for_bit()
    {
        Gen.Select(RandomExpression.Any, Gen.Double[-3, 3], Gen.Double[-3, 3], Gen.Double[-3, 3]).Sample(
            (expression, a, b, c) =>
            {
                var leaves = new[] { new Scalar(a, "x"), new Scalar(b, "y"), new Scalar(c, "z") };
                var output = expression.Build(leaves);
                var values = new Dictionary<string, double> { ["x"] = a, ["y"] = b, ["z"] = c };
                var names = ScalarNames.Of(output);
                foreach (var scalar in names.Scalars.Where(s => !s.IsConstant && !s.IsLeaf))
                {
                    var name = names[scalar];
                    if (NotExpressionText().IsMatch(name))
                    {
                        continue;
                    }

                    var data = Expression.Parse(name).Evaluate(values).Output.Data;
                    Assert.True(data.Equals(scalar.Data), $"{name} = {data}, but the scalar holds {scalar.Data} (in {expression.Text})");
                }
            },
            iter: 300);
    }

    [Fact]
    public void A_scalar_of_another_graph_is_refused_by_name()
    {
        var names = ScalarNames.Of(new Scalar(1.0, "x") * 2.0);

        Assert.Throws<KeyNotFoundException>(() => names[new Scalar(3.0)]);
        Assert.False(names.Contains(new Scalar(3.0)));
    }

    private static string Last(Scalar output)
    {
        var names = ScalarNames.Of(output);
        return names[output];
    }

    // A v name, a rounded number (≈) or a non-finite one: names that are not meant to be parsed back.
    [GeneratedRegex(@"\bv[0-9]+\b|\u2248|NaN|Infinity")]
    private static partial Regex NotExpressionText();
}
