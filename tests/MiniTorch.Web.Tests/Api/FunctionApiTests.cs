using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MiniTorch.Expressions;
using MiniTorch.Tests;

namespace MiniTorch.Web.Tests.Api;

/// <summary>
/// Task 1.3 through the sandbox's API (the Scalar functions tab): the list of MiniTorch's test functions, each equal to
/// the reference suite's function on doubles; a function of x sampled over [-49, 49] with its autodiff derivative and
/// central difference; a function of x and y as three tables; and the refusals, each naming the field.
/// </summary>
[Trait("Task", "1.3")]
public sealed class FunctionApiTests : IClassFixture<SandboxFactory>
{
    private readonly SandboxFactory _factory;

    public FunctionApiTests(SandboxFactory factory) => _factory = factory;

    [Fact]
    public async Task The_list_holds_every_MiniTorch_test_function_once()
    {
        using var client = _factory.CreateClient();

        var list = await client.GetFromJsonAsync<JsonElement>("/api/functions");

        var names = list.EnumerateArray().Select(f => f.GetProperty("name").GetString()!).ToArray();
        Assert.Equal([.. TestFunctions.OneArgument.Keys, .. TestFunctions.TwoArgument.Keys], names);
    }

    [Fact]
    public async Task Each_listed_function_of_x_is_the_reference_function_along_the_interval()
    {
        using var client = _factory.CreateClient();
        var list = await client.GetFromJsonAsync<JsonElement>("/api/functions");

        foreach (var function in list.EnumerateArray().Take(TestFunctions.OneArgument.Count))
        {
            var name = function.GetProperty("name").GetString()!;
            var line = await PostAsync(client, new { expression = function.GetProperty("expression").GetString() });
            var xs = Numbers(line.GetProperty("xs"));
            var values = Numbers(line.GetProperty("values"));
            Assert.Equal(201, xs.Length);
            Assert.Equal((-49.0, 49.0), (xs[0], xs[^1]));
            for (var i = 0; i < xs.Length; i++)
            {
                var expected = TestFunctions.OneArgument[name].OnDoubles(xs[i]);
                Assert.True(double.IsFinite(expected) ? Math.Abs(values[i] - expected) <= 1e-12 * Math.Max(1, Math.Abs(expected)) : double.IsNaN(values[i]), $"{name}({xs[i]}) = {values[i]}, expected {expected}");
            }
        }
    }

    [Fact]
    public async Task Each_listed_function_of_x_and_y_is_the_reference_function_on_the_grid()
    {
        using var client = _factory.CreateClient();
        var list = await client.GetFromJsonAsync<JsonElement>("/api/functions");

        foreach (var function in list.EnumerateArray().Skip(TestFunctions.OneArgument.Count))
        {
            var name = function.GetProperty("name").GetString()!;
            var grid = await PostAsync(client, new { expression = function.GetProperty("expression").GetString(), from = -3.0, to = 3.0 });
            var (xs, ys, values) = (Numbers(grid.GetProperty("xs")), Numbers(grid.GetProperty("ys")), Numbers(grid.GetProperty("values")));
            Assert.Equal("grid", grid.GetProperty("kind").GetString());
            Assert.Equal(41 * 41, values.Length);
            for (var k = 0; k < values.Length; k++)
            {
                var expected = TestFunctions.TwoArgument[name].OnDoubles(xs[k % 41], ys[k / 41]);
                Assert.True(Math.Abs(values[k] - expected) <= 1e-12 * Math.Max(1, Math.Abs(expected)), $"{name}({xs[k % 41]}, {ys[k / 41]}) = {values[k]}, expected {expected}");
            }
        }
    }

    [Fact]
    public async Task A_function_of_x_comes_with_the_library_s_autodiff_derivative_and_central_difference()
    {
        using var client = _factory.CreateClient();
        const string text = "x * x * x + sigmoid(x)";

        var line = await PostAsync(client, new { expression = text, from = -2.0, to = 2.0 });

        var expected = FunctionSampling.Sample(Expression.Parse(text), new SampleAxis("x", -2, 2, 201), new Dictionary<string, double>());
        Assert.Equal("line", line.GetProperty("kind").GetString());
        Assert.Equal(expected.Select(s => s.X), Numbers(line.GetProperty("xs")));
        Assert.Equal(expected.Select(s => s.Value), Numbers(line.GetProperty("values")));
        Assert.Equal(expected.Select(s => s.Derivative), Numbers(line.GetProperty("derivatives")));
        Assert.Equal(expected.Select(s => s.CentralDifference), Numbers(line.GetProperty("centralDifferences")));
        var sigmoid = 1 / (1 + Math.Exp(-2.0));
        Assert.Equal((3 * 2.0 * 2.0) + (sigmoid * (1 - sigmoid)), Numbers(line.GetProperty("derivatives"))[^1], 12);
    }

    [Fact]
    public async Task A_function_of_x_and_y_comes_with_both_partial_derivatives()
    {
        using var client = _factory.CreateClient();

        var grid = await PostAsync(client, new { expression = "x * x * y", from = -1.0, to = 1.0 });

        var (xs, ys) = (Numbers(grid.GetProperty("xs")), Numbers(grid.GetProperty("ys")));
        var byX = Numbers(grid.GetProperty("xDerivatives"));
        var byY = Numbers(grid.GetProperty("yDerivatives"));
        for (var k = 0; k < byX.Length; k++)
        {
            var (x, y) = (xs[k % 41], ys[k / 41]);
            Assert.Equal(2 * x * y, byX[k], 12);
            Assert.Equal(x * x, byY[k], 12);
        }
    }

    [Fact]
    public async Task Each_partial_derivative_comes_with_its_check_against_the_library_s_central_difference()
    {
        using var client = _factory.CreateClient();

        var grid = await PostAsync(client, new { expression = "x * x * y", from = -1.0, to = 1.0 });

        var (xs, ys) = (Numbers(grid.GetProperty("xs")), Numbers(grid.GetProperty("ys")));
        var (largestX, atX) = (0.0, (0.0, 0.0));
        for (var k = 0; k < xs.Length * ys.Length; k++)
        {
            double[] point = [xs[k % 41], ys[k / 41]];
            var difference = Math.Abs((2 * point[0] * point[1]) - Autodiff.CentralDifference(p => p[0] * p[0] * p[1], point, 0));
            if (difference > largestX)
            {
                (largestX, atX) = (difference, (point[0], point[1]));
            }
        }

        var check = grid.GetProperty("xCheck");
        Assert.Equal(largestX, double.Parse(check.GetProperty("largest").GetString()!, System.Globalization.CultureInfo.InvariantCulture), 1e-12);
        Assert.Equal(41 * 41, check.GetProperty("passed").GetInt32());
        Assert.Equal(0, check.GetProperty("failed").GetInt32());
        Assert.True(largestX > 0 && largestX < 1e-6, $"largest difference {largestX}");
        Assert.Equal(41 * 41, grid.GetProperty("yCheck").GetProperty("passed").GetInt32());
    }

    [Fact]
    public async Task A_function_of_x_comes_with_the_difference_curve_and_its_largest_value()
    {
        using var client = _factory.CreateClient();

        var line = await PostAsync(client, new { expression = "x * x * x", from = -2.0, to = 2.0 });

        var expected = FunctionSampling.Sample(Expression.Parse("x * x * x"), new SampleAxis("x", -2, 2, 201), new Dictionary<string, double>());
        var differences = expected.Select(s => s.Derivative - s.CentralDifference).ToArray();
        Assert.Equal(differences, Numbers(line.GetProperty("differences")));
        var largest = differences.Select(Math.Abs).Max();
        var check = line.GetProperty("check");
        Assert.Equal(largest, double.Parse(check.GetProperty("largest").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected[Array.IndexOf(differences.Select(Math.Abs).ToArray(), largest)].X, check.GetProperty("atX").GetDouble());
        Assert.Equal(JsonValueKind.Null, check.GetProperty("atY").ValueKind);
        Assert.Equal(201, check.GetProperty("passed").GetInt32());
    }

    [Fact]
    public async Task Where_the_function_is_not_finite_the_sample_is_null()
    {
        using var client = _factory.CreateClient();

        var line = await PostAsync(client, new { expression = "1.0 / x", from = -1.0, to = 1.0 });

        Assert.Equal(JsonValueKind.Null, line.GetProperty("values")[100].ValueKind);
        Assert.Equal(JsonValueKind.Null, line.GetProperty("derivatives")[100].ValueKind);
        Assert.Equal(-1.0, line.GetProperty("values")[0].GetDouble());
    }

    [Theory]
    [InlineData("""{"expression": "x * (y"}""", "expression")]
    [InlineData("""{"expression": ""}""", "expression")]
    [InlineData("""{"expression": "x * z"}""", "expression")]
    [InlineData("""{"expression": "x", "from": 5, "to": 5}""", "to")]
    [InlineData("""{"expression": "x", "from": -1e7}""", "from")]
    [InlineData("""{"expression": "x", "to": "far"}""", "to")]
    [InlineData("""{"expression": "x", "points": 3}""", "points")]
    public async Task A_bad_request_is_400_naming_the_field(string body, string field)
    {
        using var client = _factory.CreateClient();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        var response = await client.PostAsync(new Uri("/api/functions", UriKind.Relative), content);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_malformed_expression_is_400_with_its_column_and_a_caret()
    {
        using var client = _factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/functions", new { expression = "x * (" });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(6, problem.GetProperty("column").GetInt32());
        Assert.Equal(["x * (", "     ^"], problem.GetProperty("detail").GetString()!.Split('\n')[1..]);
    }

    [Fact]
    public async Task An_expression_over_10000_characters_is_400()
    {
        using var client = _factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/functions", new { expression = string.Join(" + ", Enumerable.Repeat("x", 5001)) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/functions", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static double[] Numbers(JsonElement array) =>
        [.. array.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble())];
}
