using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MiniTorch.Web.Tests.Api;

/// <summary>
/// Task 0.5 through the sandbox (MiniTorch's Module 0 "Manual" page): a classifier σ(w₁·x₁ + w₂·x₂ + b) set by hand
/// gets right exactly the points on the correct side of its line, its loss is the sum of −log of the probability of each
/// true class, its picture is its output over the square, and the page's values out of range are refused.
/// </summary>
[Trait("Task", "0.5")]
public sealed class ManualApiTests : IClassFixture<SandboxFactory>
{
    private const string Path = "/api/manual";

    // Operators.Log's shift, ln(x + 1e-6), as MiniTorch's log.
    private const double LogShift = 1e-6;

    private readonly SandboxFactory _factory;

    public ManualApiTests(SandboxFactory factory) => _factory = factory;

    [Theory]
    [InlineData("simple", 50, 1ul, -10.0, 0.0, 5.0)]
    [InlineData("simple", 150, 42ul, -1.0, 0.0, 0.5)]
    [InlineData("diag", 50, 1ul, -10.0, -10.0, 5.0)]
    [InlineData("diag", 150, 7ul, -2.0, -2.0, 1.0)]
    public async Task The_line_of_the_dataset_s_rule_gets_every_point_right(string dataset, int points, ulong seed, double w1, double w2, double b)
    {
        using var client = _factory.CreateClient();

        var view = await JsonRequests.PostOkAsync(client, Path, new { dataset, points, seed, w1, w2, b });

        // Simple labels x1 < 0.5 and Diag x1 + x2 < 0.5: the line w1·x1 + w2·x2 + b = 0 is that rule's border, class 1
        // on its positive side. No point lies on the border, so each is right.
        var coordinates = Points(view);
        Assert.Equal(points, coordinates.Length);
        Assert.DoesNotContain(coordinates, p => (w1 * p[0]) + (w2 * p[1]) + b == 0);
        Assert.Equal(points, view.GetProperty("correct").GetInt32());
    }

    [Theory]
    [InlineData("simple", 1.0, 1.0, -1.0)]
    [InlineData("simple", 0.0, 3.0, -1.5)]
    [InlineData("diag", 4.0, -2.0, 0.5)]
    [InlineData("diag", -1.0, -1.0, 0.25)]
    public async Task Another_line_gets_right_the_points_on_the_side_of_their_class(string dataset, double w1, double w2, double b)
    {
        using var client = _factory.CreateClient();

        var view = await JsonRequests.PostOkAsync(client, Path, new { dataset, points = 80, seed = 3, w1, w2, b });

        var coordinates = Points(view);
        var labels = view.GetProperty("labels").EnumerateArray().Select(l => l.GetInt32()).ToArray();
        bool Rule(double[] p) => dataset == "simple" ? p[0] < 0.5 : p[0] + p[1] < 0.5;
        Assert.Equal(coordinates.Select(p => Rule(p) ? 1 : 0), labels);
        var expected = coordinates.Count(p => ((w1 * p[0]) + (w2 * p[1]) + b > 0) == Rule(p));
        Assert.InRange(expected, 1, 79);
        Assert.Equal(expected, view.GetProperty("correct").GetInt32());
        var loss = coordinates.Sum(p =>
        {
            var output = 1 / (1 + Math.Exp(-((w1 * p[0]) + (w2 * p[1]) + b)));
            return -Math.Log((Rule(p) ? output : 1 - output) + LogShift);
        });
        Assert.Equal(loss, double.Parse(view.GetProperty("loss").GetString()!, System.Globalization.CultureInfo.InvariantCulture), 1e-9);
    }

    [Fact]
    public async Task The_loss_and_count_are_those_a_training_epoch_of_the_same_classifier_as_scalars_reports_bit_for_bit()
    {
        using var client = _factory.CreateClient();

        var view = await JsonRequests.PostOkAsync(client, Path, new { dataset = "circle", points = 120, seed = 9, w1 = 3.25, w2 = -1.5, b = -0.625 });

        var model = new ScalarClassifier();
        model.GetParameter("linear.weight_0_0").Update(new Scalar(3.25));
        model.GetParameter("linear.weight_1_0").Update(new Scalar(-1.5));
        model.GetParameter("linear.bias_0").Update(new Scalar(-0.625));
        var totals = new ScalarEngine().RunEpoch(model, Datasets.Circle(120, 9));
        Assert.Equal(totals.TotalLoss.ToString("R", System.Globalization.CultureInfo.InvariantCulture), view.GetProperty("loss").GetString());
        Assert.Equal(totals.Correct, view.GetProperty("correct").GetInt32());
    }

    [Fact]
    public async Task All_parameters_zero_say_one_half_everywhere_which_counts_as_wrong_for_every_point()
    {
        using var client = _factory.CreateClient();

        var view = await JsonRequests.PostOkAsync(client, Path, new { dataset = "xor", points = 30, w1 = 0, w2 = 0, b = 0 });

        Assert.Equal(0, view.GetProperty("correct").GetInt32());
        Assert.Equal(30 * -Math.Log(0.5 + LogShift), double.Parse(view.GetProperty("loss").GetString()!, System.Globalization.CultureInfo.InvariantCulture), 1e-12);
        // One half is byte round(255 / 2) = 128 in every cell.
        Assert.All(Convert.FromBase64String(view.GetProperty("picture").GetProperty("output").GetString()!), b => Assert.Equal(128, b));
    }

    [Fact]
    public async Task The_picture_is_the_output_over_the_square_red_on_the_class_1_side_of_the_line()
    {
        using var client = _factory.CreateClient();

        var picture = (await JsonRequests.PostOkAsync(client, Path, new { dataset = "simple", w1 = -10, w2 = 0, b = 5 })).GetProperty("picture");

        var cells = picture.GetProperty("cells").GetInt32();
        var output = Convert.FromBase64String(picture.GetProperty("output").GetString()!);
        Assert.Equal(0.0, picture.GetProperty("low").GetDouble());
        Assert.Equal(1.0, picture.GetProperty("high").GetDouble());
        Assert.Equal(cells * cells, output.Length);
        for (var row = 0; row < cells; row++)
        {
            for (var column = 0; column < cells; column++)
            {
                // The cell's centre has x1 = (column + ½) / cells; the classifier says class 1 where x1 < ½. A cell holds round(255 · p).
                var x1 = (column + 0.5) / cells;
                var expected = 255 / (1 + Math.Exp((10 * x1) - 5));
                Assert.True(Math.Abs(expected - output[(row * cells) + column]) <= 0.5 + 1e-9, $"cell {row}, {column}: {output[(row * cells) + column]}, expected {expected}");
                Assert.Equal(x1 < 0.5, output[(row * cells) + column] > 127.5);
            }
        }
    }

    [Fact]
    public async Task The_parameters_are_named_as_in_MiniTorch_s_run_manual_and_hold_the_values_sent()
    {
        using var client = _factory.CreateClient();

        var view = await JsonRequests.PostOkAsync(client, Path, new { w1 = 2.5, w2 = -0.75, b = 100 });

        Assert.Equal(
            [("linear.weight_0_0", 2.5), ("linear.weight_1_0", -0.75), ("linear.bias_0", 100.0)],
            view.GetProperty("parameters").EnumerateArray().Select(p => (p.GetProperty("name").GetString(), p.GetProperty("value").GetDouble())));
    }

    [Fact]
    public async Task A_request_without_fields_is_the_form_s_defaults()
    {
        using var client = _factory.CreateClient();
        var form = await client.GetFromJsonAsync<JsonElement>("/api/manual/form");
        var defaults = form.GetProperty("defaults");

        var empty = await JsonRequests.PostOkAsync(client, Path, new { });
        var explicitly = await JsonRequests.PostOkAsync(client, Path, defaults);

        Assert.Equal(["simple", "diag", "split", "xor", "circle", "spiral"], form.GetProperty("datasets").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(100, form.GetProperty("ranges").GetProperty("parameter").GetProperty("max").GetDouble());
        Assert.Equal("Simple", empty.GetProperty("dataset").GetString());
        Assert.Equal(explicitly.ToString(), empty.ToString());
    }

    [Theory]
    [InlineData("""{"dataset": "moons"}""", "dataset")]
    [InlineData("""{"dataset": "points"}""", "dataset")]
    [InlineData("""{"points": 1}""", "points")]
    [InlineData("""{"points": 151}""", "points")]
    [InlineData("""{"seed": -1}""", "seed")]
    [InlineData("""{"w1": 100.5}""", "w1")]
    [InlineData("""{"w2": -101}""", "w2")]
    [InlineData("""{"b": 1e400}""", "b")]
    [InlineData("""{"w1": "1"}""", "w1")]
    [InlineData("""{"w1": "NaN"}""", "w1")]
    [InlineData("""{"w1": 1, "w1": 2}""", "w1")]
    [InlineData("""{"w3": 1}""", "w3")]
    [InlineData("""{"csv": "0.1,0.2,1"}""", "csv")]
    public async Task A_value_out_of_range_is_refused_naming_its_field(string body, string field)
    {
        using var client = _factory.CreateClient();

        await JsonRequests.AssertRefusedAsync(client, Path, body, field);
    }

    [Fact]
    public async Task The_ends_of_the_range_are_accepted()
    {
        using var client = _factory.CreateClient();

        var response = await client.PostAsJsonAsync(Path, new { points = 2, w1 = -100, w2 = 100, b = -100 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static double[][] Points(JsonElement view) =>
        [.. view.GetProperty("points").EnumerateArray().Select(p => p.EnumerateArray().Select(x => x.GetDouble()).ToArray())];

    // The same classifier built from the library's Scalar Linear, as a network's output layer is.
    private sealed class ScalarClassifier : Module<Scalar[], Scalar>
    {
        private readonly Linear _linear;

        public ScalarClassifier() => _linear = AddModule("linear", new Linear(2, 1, new SplitMix64(0)));

        public override Scalar Forward(Scalar[] input) => _linear.Call(input)[0].Sigmoid();
    }
}
