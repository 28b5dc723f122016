using System.Globalization;
using System.Text.Json;

namespace MiniTorch.Tests.Cli;

/// <summary>
/// Task 1.4: <c>minitorch grad</c> gives the values and derivatives of the reference test functions exactly as the
/// library computes them, and its central-difference check passes on them.
/// </summary>
[Trait("Task", "1.4")]
public sealed class GradCommandTests
{
    private static readonly double[] Points = [-42.5, -1.25, 0.5, 3.0, 77.75];

    private static readonly double[] SecondPoints = [3.0, -2.5, 0.75, 10.0, -60.0];

    /// <summary>The reference suite's functions (section 4): name, the expression as text, the same in C#, arity.</summary>
    public static TheoryData<string, string, Func<Scalar, Scalar, Scalar>, int> ReferenceFunctions => new()
    {
        { "addConstant", "5 + x", (x, _) => 5.0 + x, 1 },
        { "complex", "(((x * 10 + 7).relu() * 6 + 5).relu() * 10).sigmoid().log() / 50", (x, _) => (((((x * 10.0) + 7.0).Relu() * 6.0) + 5.0).Relu() * 10.0).Sigmoid().Log() / 50.0, 1 },
        { "cube", "x * x * x", (x, _) => x * x * x, 1 },
        { "div", "x / 5", (x, _) => x / 5.0, 1 },
        { "exp", "(x - 200).exp()", (x, _) => (x - 200.0).Exp(), 1 },
        { "explog", "(x + 100000).log() + (x - 200).exp()", (x, _) => (x + 100000.0).Log() + (x - 200.0).Exp(), 1 },
        { "inv", "1 / (x + 3.5)", (x, _) => 1.0 / (x + 3.5), 1 },
        { "log", "(x + 100000).log()", (x, _) => (x + 100000.0).Log(), 1 },
        { "multConstant", "5 * x", (x, _) => 5.0 * x, 1 },
        { "neg", "-x", (x, _) => -x, 1 },
        { "relu", "(x + 5.5).relu()", (x, _) => (x + 5.5).Relu(), 1 },
        { "sig", "x.sigmoid()", (x, _) => x.Sigmoid(), 1 },
        { "square", "x * x", (x, _) => x * x, 1 },
        { "subConstant", "x - 5", (x, _) => x - 5.0, 1 },
        { "add2", "x + y", (x, y) => x + y, 2 },
        { "div2", "x / (y + 5.5)", (x, y) => x / (y + 5.5), 2 },
        { "eq2", "x == (y + 5.5)", (x, y) => x.Eq(y + 5.5), 2 },
        { "gt2", "x + 1.2 > y", (x, y) => (x + 1.2) > y, 2 },
        { "lt2", "x + 1.2 < y", (x, y) => (x + 1.2) < y, 2 },
        { "mul2", "x * y", (x, y) => x * y, 2 },
    };

    [Theory]
    [MemberData(nameof(ReferenceFunctions), DisableDiscoveryEnumeration = true)]
    public void Reference_functions_match_the_library_and_pass_the_check(string name, string text, Func<Scalar, Scalar, Scalar> csharp, int arity)
    {
        for (var i = 0; i < Points.Length; i++)
        {
            var x = new Scalar(Points[i], "x");
            var y = new Scalar(SecondPoints[i], "y");
            var expected = csharp(x, y);
            expected.Backward();

            string[] args = arity == 1
                ? ["grad", text, "--at", At("x", Points[i]), "--json", "--check"]
                : ["grad", text, "--at", At("x", Points[i]), "--at", At("y", SecondPoints[i]), "--json", "--check"];
            var run = CommandRun.Of(args);

            Assert.True(run.ExitCode == 0, $"{name} at {Points[i]}: exit {run.ExitCode}\n{run.Output}{run.Error}");
            using var json = JsonDocument.Parse(run.Output);
            var root = json.RootElement;
            Assert.Equal(expected.Data, Number(root.GetProperty("value")));
            Assert.Equal(x.Derivative, Number(root.GetProperty("gradients").GetProperty("x")));
            if (arity == 2)
            {
                Assert.Equal(y.Derivative, Number(root.GetProperty("gradients").GetProperty("y")));
            }

            Assert.All(root.GetProperty("check").EnumerateObject(), p => Assert.True(p.Value.GetString() == "pass", $"{name}: {run.Output}"));
            Assert.Equal(arity, root.GetProperty("numeric").EnumerateObject().Count());
        }
    }

    [Fact]
    public void The_table_shows_the_value_and_one_row_per_variable_in_order_of_appearance()
    {
        var run = CommandRun.Of("grad", "(x * x) * y + 10.0 * x", "--at", "y=3", "--at", "x=2");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("value  32\nvariable  derivative\nx         22\ny         4\n", run.Output.ReplaceLineEndings("\n"));
        Assert.Empty(run.Error);
    }

    [Fact]
    public void The_check_adds_central_difference_and_a_verdict()
    {
        var run = CommandRun.Of("grad", "x * y", "--at", "x=2", "--at", "y=3", "--check");
        var lines = run.Output.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("variable  derivative  central difference  check", lines[1]);
        Assert.Matches("^x +3 +(3|2\\.99)[0-9.]* +pass$", lines[2]);
    }

    [Fact]
    public void A_failed_check_exits_with_failure()
    {
        // relu has a kink at 0: autodiff says 0, central difference says 0.5.
        var run = CommandRun.Of("grad", "x.relu()", "--at", "x=0", "--check", "--json");
        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal("fail", json.RootElement.GetProperty("check").GetProperty("x").GetString());
        Assert.Equal(0.5, json.RootElement.GetProperty("numeric").GetProperty("x").GetDouble(), 6);
    }

    [Fact]
    public void A_check_against_an_infinite_central_difference_cannot_pass()
    {
        // log(x + ε) at x = 0: one step to the left reaches log(0) = −∞, so the estimate is infinite.
        var text = CommandRun.Of("grad", "log(x)", "--at", "x=0", "--check");
        var json = CommandRun.Of("grad", "log(x)", "--at", "x=0", "--check", "--json");

        Assert.Equal(1, text.ExitCode);
        Assert.Matches("^x +1000000 +Infinity +cannot check$", text.Output.ReplaceLineEndings("\n").Split('\n')[2]);
        Assert.Equal(1, json.ExitCode);
        using var document = JsonDocument.Parse(json.Output);
        Assert.Equal("cannot check", document.RootElement.GetProperty("check").GetProperty("x").GetString());
    }

    [Fact]
    public void Json_is_one_object_with_shortest_round_trip_numbers_and_non_finite_strings()
    {
        var run = CommandRun.Of("grad", "x * 0.1 + y / z", "--at", "x=3", "--at", "y=1", "--at", "z=0", "--json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal(["value", "gradients"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Infinity", root.GetProperty("value").GetString());
        Assert.Equal("0.1", root.GetProperty("gradients").GetProperty("x").GetRawText());
        Assert.Equal("Infinity", root.GetProperty("gradients").GetProperty("y").GetString());
        Assert.Equal("-Infinity", root.GetProperty("gradients").GetProperty("z").GetString());
        Assert.Contains("\"value\": \"Infinity\"", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_writes_nan_as_the_string_NaN()
    {
        var run = CommandRun.Of("grad", "log(x)", "--at", "x=-1", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal("NaN", json.RootElement.GetProperty("value").GetString());
        Assert.Equal(JsonValueKind.Number, json.RootElement.GetProperty("gradients").GetProperty("x").ValueKind);
    }

    [Theory]
    [InlineData("x * (y))", "unexpected ')' at column 8")]
    [InlineData("", "unexpected end of input at column 1")]
    [InlineData("tanh(x)", "unknown function 'tanh' at column 1: known functions are log, exp, sigmoid, relu")]
    [InlineData("x * y", "no value for variable 'y' at column 5: pass it with --at y=VALUE")]
    [InlineData("x * 1e400", "number 1e400 is too large at column 5")]
    [InlineData("x * inf", "'inf' is not a finite decimal number at column 5")]
    public void Bad_expressions_exit_2_with_the_message_and_a_caret(string text, string message)
    {
        var run = CommandRun.Of("grad", text, "--at", "x=1");
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(message, run.Error, StringComparison.Ordinal);
        Assert.EndsWith("^", run.Error.TrimEnd(), StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Theory]
    [InlineData("x", "--at 'x' has no '=': write NAME=VALUE, for example --at x=2")]
    [InlineData("x=abc", "--at 'x=abc': 'abc' is not a number")]
    [InlineData("1x=2", "--at '1x=2': '1x' is not a variable name")]
    [InlineData("x=1,5", "--at 'x=1,5': '1,5' is not a number")]
    [InlineData("x=1e400", "--at 'x=1e400': number 1e400 is too large: only finite decimal numbers are accepted, and a double holds at most about 1.8e308")]
    [InlineData("x=inf", "--at 'x=inf': 'inf' is not a finite decimal number: only finite decimal numbers are accepted, such as 2, -0.5 or 1e-3")]
    [InlineData("x=-Infinity", "--at 'x=-Infinity': '-Infinity' is not a finite decimal number")]
    [InlineData("x=NaN", "--at 'x=NaN': 'NaN' is not a finite decimal number")]
    public void Malformed_values_are_usage_errors(string assignment, string message)
    {
        var run = CommandRun.Of("grad", "x", "--at", assignment);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_variable_is_a_usage_error()
    {
        var run = CommandRun.Of("grad", "x", "--at", "x=1", "--at", "x=2");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("x already has a value", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_for_an_unused_variable_is_only_a_warning()
    {
        var run = CommandRun.Of("grad", "x * 2", "--at", "x=1", "--at", "z=5");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("warning: --at z=... is not used: the expression has no variable 'z'", run.Error.Trim());
        Assert.StartsWith("value  2", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expression_starting_with_minus_is_not_taken_for_an_option()
    {
        var run = CommandRun.Of("grad", "-x", "--at", "x=4");
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("value  -4\n", run.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("grad", "@x", "--at", "x=1")]
    [InlineData("grad", "--at", "x=1", "--", "@x")]
    public void An_expression_starting_with_at_is_parsed_as_an_expression_not_a_response_file(params string[] args)
    {
        var run = CommandRun.Of(args);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("unexpected '@' at column 1", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_variable_name_without_a_value_is_shortened()
    {
        var name = new string('v', 10_000);

        var run = CommandRun.Of("grad", name + " * 2");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"no value for variable '{new string('v', 60)}…' at column 1: pass it with --at {new string('v', 60)}…=VALUE", run.Error, StringComparison.Ordinal);
        Assert.True(run.Error.Length < 1000, $"{run.Error.Length} characters of error");
    }

    [Fact]
    public void A_long_value_is_shortened_in_the_message()
    {
        var run = CommandRun.Of("grad", "x", "--at", "x=" + new string('9', 100_000));

        Assert.Equal(2, run.ExitCode);
        Assert.True(run.Error.Length < 400, $"{run.Error.Length} characters of error");
        Assert.Contains("is too large", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_expression_is_a_usage_error() => Assert.Equal(2, CommandRun.Of("grad").ExitCode);

    private static string At(string name, double value) => $"{name}={value.ToString("R", CultureInfo.InvariantCulture)}";

    private static double Number(JsonElement element) =>
        element.ValueKind == JsonValueKind.String
            ? double.Parse(element.GetString()!, CultureInfo.InvariantCulture)
            : element.GetDouble();
}
