using System.Text.RegularExpressions;
using CsCheck;
using MiniTorch.Expressions;

namespace MiniTorch.Tests.Expressions;

/// <summary>Task 1.2: the grammar (precedence, associativity, both call styles) builds the graphs C# would build.</summary>
[Trait("Task", "1.2")]
public sealed partial class ExpressionParsingTests
{
    public static TheoryData<string, Func<Scalar, Scalar, Scalar, Scalar>> SameAsCSharp => new()
    {
        { "x + y * z", (x, y, z) => x + (y * z) },
        { "x * y + z", (x, y, z) => (x * y) + z },
        { "x - y - z", (x, y, z) => (x - y) - z },
        { "x / y / z", (x, y, z) => (x / y) / z },
        { "x - y + z", (x, y, z) => (x - y) + z },
        { "x / y * z", (x, y, z) => (x / y) * z },
        { "(x + y) * z", (x, y, z) => (x + y) * z },
        { "-x * y", (x, y, z) => -x * y },
        { "x * -y", (x, y, z) => x * -y },
        { "--x", (x, y, z) => -(-x) },
        { "-x.log()", (x, y, z) => -x.Log() },
        { "x.relu().log()", (x, y, z) => x.Relu().Log() },
        { "log(relu(x))", (x, y, z) => x.Relu().Log() },
        { "(x + y).sigmoid().exp()", (x, y, z) => (x + y).Sigmoid().Exp() },
        { "x + y < z * 2", (x, y, z) => (x + y) < (z * 2.0) },
        { "x > y", (x, y, z) => x > y },
        { "x == y + 1", (x, y, z) => x.Eq(y + 1.0) },
        { "(x < y) < z", (x, y, z) => (x < y) < z },
        { "x - 2", (x, y, z) => x - 2.0 },
        { "1 - x", (x, y, z) => 1.0 - x },
        { "2 * x / 3", (x, y, z) => 2.0 * x / 3.0 },
        { "x / (y + 5.5)", (x, y, z) => x / (y + 5.5) },
        { " x\t*\n( y ) . exp ( ) ", (x, y, z) => x * y.Exp() },
        { "2.log() + .5 + 1e-3 + 2.5E+2 * x", (x, y, z) => Scalar.Constant(2.0).Log() + 0.5 + 1e-3 + (250.0 * x) },
    };

    [Theory]
    [MemberData(nameof(SameAsCSharp), DisableDiscoveryEnumeration = true)]
    public void Builds_the_graph_of_the_same_CSharp_expression(string text, Func<Scalar, Scalar, Scalar, Scalar> csharp)
    {
        var direct = csharp(new Scalar(1.5, "x"), new Scalar(-0.5, "y"), new Scalar(2.25, "z"));
        direct.Backward();
        var parsed = Expression.Parse(text).Evaluate(new Dictionary<string, double> { ["x"] = 1.5, ["y"] = -0.5, ["z"] = 2.25 });
        parsed.Output.Backward();

        Assert.Equal(Shape(direct), Shape(parsed.Output));
    }

    [Theory]
    [InlineData("log")]
    [InlineData("exp")]
    [InlineData("sigmoid")]
    [InlineData("relu")]
    public void Method_and_call_styles_agree(string function) =>
        Gen.Double[-10.0, 10.0].Sample(x =>
        {
            var values = new Dictionary<string, double> { ["x"] = x };
            var outputs = new[] { $"{function}(x)", $"x.{function}()", $"(x).{function}()" }
                .Select(text => Expression.Parse(text).Evaluate(values))
                .ToList();
            outputs.ForEach(e => e.Output.Backward());
            Assert.All(outputs, e => Assert.Equal(outputs[0].Output.Data, e.Output.Data));
            Assert.All(outputs, e => Assert.Equal(outputs[0].Variables[0].Derivative, e.Variables[0].Derivative));
        });

    [Fact]
    public void Every_occurrence_of_a_name_is_the_same_leaf()
    {
        var evaluation = Expression.Parse("x * x * y + x").Evaluate(new Dictionary<string, double> { ["x"] = 3.0, ["y"] = 2.0 });
        evaluation.Output.Backward();

        Assert.Equal(["x", "y"], evaluation.Variables.Select(v => v.Name));
        Assert.Equal((2 * 3.0 * 2.0) + 1.0, evaluation.Variables[0].Derivative);
        Assert.Equal(9.0, evaluation.Variables[1].Derivative);
        Assert.True(evaluation.Variables[0].IsLeaf);
    }

    [Fact]
    public void Variables_are_listed_in_order_of_first_occurrence_with_their_column()
    {
        var expression = Expression.Parse("b + a * b + _c1");
        Assert.Equal([new ExpressionVariable("b", 1), new ExpressionVariable("a", 5), new ExpressionVariable("_c1", 13)], expression.Variables);
    }

    [Fact]
    public void Numbers_are_constants()
    {
        var output = Expression.Parse("2 * 3.5").Evaluate(new Dictionary<string, double>()).Output;
        Assert.True(output.IsConstant);
        Assert.Equal(7.0, output.Data);
    }

    [Fact]
    public void Long_chains_and_deep_method_calls_do_not_exhaust_the_stack()
    {
        var sum = string.Join(" + ", Enumerable.Repeat("x", 20_000));
        var sumOutput = Expression.Parse(sum).Evaluate(new Dictionary<string, double> { ["x"] = 1.0 });
        sumOutput.Output.Backward();
        Assert.Equal(20_000.0, sumOutput.Variables[0].Derivative);

        var chain = "x" + string.Concat(Enumerable.Repeat(".relu()", 20_000)) + string.Concat(Enumerable.Repeat("-", 20_000)) + "1";
        Assert.Equal(3.0, Expression.Parse(chain).Evaluate(new Dictionary<string, double> { ["x"] = 2.0 }).Output.Data);
    }

    // The graph as text with the process-wide ids of intermediate values removed, so two builds can be compared.
    private static string Shape(Scalar output) => IdLabel().Replace(GraphExport.ToDot(output), "#");

    [GeneratedRegex("#[0-9]+")]
    private static partial Regex IdLabel();
}
