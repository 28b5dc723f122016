using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MiniTorch.Expressions;

namespace MiniTorch.Web.Tests.Api;

/// <summary>
/// Task 1.4 through the sandbox's API: an expression's value, gradients and central-difference check, its graph's DOT
/// text, and the refusals: a malformed expression with its column, an empty or over-long one.
/// </summary>
[Trait("Task", "1.4")]
public sealed class ExpressionApiTests : IClassFixture<SandboxFactory>
{
    private readonly SandboxFactory _factory;

    public ExpressionApiTests(SandboxFactory factory) => _factory = factory;

    [Fact]
    public async Task An_expression_gives_the_library_s_value_gradients_and_graph()
    {
        using var client = _factory.CreateClient();
        const string text = "(x * x) * y + 10.0 * x";

        var response = await client.PostAsJsonAsync("/api/expression", new { expression = text, values = new { x = 2.0, y = 3.0 } });
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();

        var evaluation = Expression.Parse(text).Evaluate(new Dictionary<string, double> { ["x"] = 2.0, ["y"] = 3.0 });
        evaluation.Output.Backward();
        Assert.Equal(Text(evaluation.Output.Data), result.GetProperty("value").GetString());
        var variables = result.GetProperty("variables").EnumerateArray().ToArray();
        Assert.Equal(["x", "y"], variables.Select(v => v.GetProperty("name").GetString()));
        Assert.Equal(evaluation.Variables.Select(v => Text(v.Derivative!.Value)), variables.Select(v => v.GetProperty("derivative").GetString()));
        Assert.All(variables, v => Assert.Equal("pass", v.GetProperty("check").GetString()));
        var graph = result.GetProperty("graph");
        Assert.StartsWith("digraph", graph.GetProperty("dot").GetString(), StringComparison.Ordinal);
        Assert.Contains("x\\ndata = 2\\nd = 10 + 6 + 6 = 22\"", graph.GetProperty("dot").GetString(), StringComparison.Ordinal);
        var steps = graph.GetProperty("steps").EnumerateArray().ToArray();
        Assert.Equal(["x * x * y + 10 * x", "10 * x", "x * x * y", "x * x", "y", "x"], steps.Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(["1", "1", "1", "3", "4", "22"], steps.Select(s => s.GetProperty("derivative").GetString()));
        Assert.Equal("d(x * x) += 1 \u00d7 y = 1 \u00d7 3 = 3", steps[2].GetProperty("rule")[2].GetString());
        Assert.Equal(
            ["10", "10 + 6 = 16", "10 + 6 + 6 = 22"],
            steps.SelectMany(s => s.GetProperty("collected").EnumerateArray()).Where(c => c.GetProperty("node").GetString() == steps[5].GetProperty("node").GetString()).Select(c => c.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task A_derivative_against_an_infinite_central_difference_is_cannot_check_never_a_pass()
    {
        using var client = _factory.CreateClient();

        // log(x + ε) at x = 0: one step to the left reaches log(0) = −∞, so the central difference is infinite.
        var result = await (await client.PostAsJsonAsync("/api/expression", new { expression = "log(x)", values = new { x = 0.0 } })).Content.ReadFromJsonAsync<JsonElement>();

        var x = result.GetProperty("variables")[0];
        Assert.Equal("Infinity", x.GetProperty("numeric").GetString());
        Assert.Equal("cannot check", x.GetProperty("check").GetString());
    }

    [Fact]
    public async Task A_variable_without_a_value_is_1()
    {
        using var client = _factory.CreateClient();

        var result = await (await client.PostAsJsonAsync("/api/expression", new { expression = "x * 5" })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("5", result.GetProperty("value").GetString());
        Assert.Equal(1.0, result.GetProperty("variables")[0].GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task A_malformed_expression_is_400_with_the_message_the_column_and_a_caret()
    {
        using var client = _factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/expression", new { expression = "x * (y" });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("expression", out _));
        Assert.Equal(7, problem.GetProperty("column").GetInt32());
        var lines = problem.GetProperty("detail").GetString()!.Split('\n');
        Assert.Equal(["x * (y", "      ^"], lines[1..]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_expression_is_400_naming_the_field(string text)
    {
        using var client = _factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/expression", new { expression = text });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("expression", out _));
    }

    [Fact]
    public async Task An_expression_over_10000_characters_is_400_naming_the_field()
    {
        using var client = _factory.CreateClient();
        var text = string.Join(" + ", Enumerable.Repeat("x", 5001));

        var response = await client.PostAsJsonAsync("/api/expression", new { expression = text });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("longer than 10000", problem.GetProperty("errors").GetProperty("expression")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"expression": "x", "values": {"x": "two"}}""", "values.x")]
    [InlineData("""{"expression": 3}""", "expression")]
    [InlineData("""{"expression": "x", "colour": "red"}""", "colour")]
    public async Task A_malformed_body_is_400_naming_the_field(string body, string field)
    {
        using var client = _factory.CreateClient();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        var response = await client.PostAsync(new Uri("/api/expression", UriKind.Relative), content);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
