using MiniTorch.Expressions;

namespace MiniTorch.Tests.Expressions;

/// <summary>Task 1.3: an expression and its derivatives sampled over an interval or a grid, for plotting.</summary>
[Trait("Task", "1.3")]
public sealed class FunctionSamplingTests
{
    private static readonly Dictionary<string, double> NoOtherValues = [];

    public static TheoryData<string> SmoothFunctions =>
    [
        "x * x * x - 2 * x",
        "sigmoid(x) * exp(-x * x)",
        "log(x * x + 1) / (x + 3)",
        "relu(x + 5) * sigmoid(2 * x)",
    ];

    [Fact]
    public void The_square_has_derivative_two_x_at_evenly_spaced_points_ends_included()
    {
        var samples = FunctionSampling.Sample(Expression.Parse("x * x"), new SampleAxis("x", -2, 2, 5), NoOtherValues);

        Assert.Equal([-2.0, -1.0, 0.0, 1.0, 2.0], samples.Select(s => s.X));
        Assert.Equal([4.0, 1.0, 0.0, 1.0, 4.0], samples.Select(s => s.Value));
        Assert.Equal([-4.0, -2.0, 0.0, 2.0, 4.0], samples.Select(s => s.Derivative));
        Assert.All(samples, s => Assert.Equal(2 * s.X, s.CentralDifference, 1e-8));
    }

    [Fact]
    public void The_sigmoid_has_derivative_sigmoid_times_one_minus_sigmoid()
    {
        var samples = FunctionSampling.Sample(Expression.Parse("sigmoid(x)"), new SampleAxis("x", -6, 6, 25), NoOtherValues);

        Assert.All(samples, s =>
        {
            var sigmoid = 1.0 / (1.0 + Math.Exp(-s.X));
            Assert.Equal(sigmoid, s.Value, 1e-15);
            Assert.Equal(sigmoid * (1 - sigmoid), s.Derivative, 1e-15);
        });
    }

    [Fact]
    public void The_log_has_derivative_one_over_x_on_its_domain()
    {
        // MiniTorch's log adds 1e-6 to its argument, so that log(0) is finite.
        var samples = FunctionSampling.Sample(Expression.Parse("log(x)"), new SampleAxis("x", 0.5, 4, 8), NoOtherValues);

        Assert.All(samples, s =>
        {
            Assert.Equal(Math.Log(s.X + 1e-6), s.Value, 1e-15);
            Assert.Equal(1 / (s.X + 1e-6), s.Derivative, 1e-15);
        });
    }

    [Fact]
    public void Points_where_the_function_is_not_finite_are_NaN_and_the_others_are_kept()
    {
        var samples = FunctionSampling.Sample(Expression.Parse("1 / x"), new SampleAxis("x", -1, 1, 3), NoOtherValues);

        Assert.Equal(new FunctionSample(-1.0, -1.0, -1.0, samples[0].CentralDifference), samples[0]);
        Assert.True(double.IsNaN(samples[1].Value) && double.IsNaN(samples[1].Derivative), "1/x and its derivative at 0");
        Assert.Equal(new FunctionSample(1.0, 1.0, -1.0, samples[2].CentralDifference), samples[2]);
        Assert.Equal(-1.0, samples[2].CentralDifference, 1e-8);
    }

    [Fact]
    public void The_log_of_a_negative_number_is_NaN_not_an_exception()
    {
        var samples = FunctionSampling.Sample(Expression.Parse("log(x)"), new SampleAxis("x", -2, -1, 2), NoOtherValues);

        Assert.All(samples, s => Assert.True(double.IsNaN(s.Value) && double.IsNaN(s.Derivative) && double.IsNaN(s.CentralDifference)));
    }

    [Theory]
    [MemberData(nameof(SmoothFunctions))]
    public void Autodiff_agrees_with_the_central_difference_on_smooth_functions(string text)
    {
        var samples = FunctionSampling.Sample(Expression.Parse(text), new SampleAxis("x", -2, 2, 201), NoOtherValues);

        Assert.All(samples, s => Assert.True(
            Math.Abs(s.Derivative - s.CentralDifference) <= 1e-6 * (1 + Math.Abs(s.Derivative)),
            $"at x = {s.X}: autodiff {s.Derivative}, central difference {s.CentralDifference}"));
    }

    [Fact]
    public void The_other_variables_keep_their_given_values_and_a_value_given_for_the_swept_one_is_ignored()
    {
        var others = new Dictionary<string, double> { ["y"] = 3, ["z"] = 10, ["x"] = 100 };

        var samples = FunctionSampling.Sample(Expression.Parse("x * y + z"), new SampleAxis("x", 0, 1, 3), others);

        Assert.Equal([10.0, 11.5, 13.0], samples.Select(s => s.Value));
        Assert.All(samples, s => Assert.Equal(3.0, s.Derivative));
    }

    [Fact]
    public void A_variable_the_expression_does_not_use_has_derivative_zero()
    {
        var samples = FunctionSampling.Sample(Expression.Parse("3"), new SampleAxis("x", 0, 1, 2), NoOtherValues);

        Assert.Equal([new FunctionSample(0, 3, 0, 0), new FunctionSample(1, 3, 0, 0)], samples);
    }

    [Fact]
    public void An_other_variable_without_a_value_is_named()
    {
        var problem = Assert.Throws<ExpressionException>(
            () => FunctionSampling.Sample(Expression.Parse("x * y"), new SampleAxis("x", 0, 1, 2), NoOtherValues));

        Assert.Equal("no value for variable 'y'", problem.Reason);
    }

    [Theory]
    [InlineData(0.0, 1.0, 1)]
    [InlineData(0.0, 1.0, 10_001)]
    [InlineData(1.0, 1.0, 5)]
    [InlineData(2.0, 1.0, 5)]
    [InlineData(double.NaN, 1.0, 5)]
    [InlineData(0.0, double.PositiveInfinity, 5)]
    public void An_axis_needs_a_finite_interval_and_two_to_ten_thousand_points(double from, double to, int count) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SampleAxis("x", from, to, count));

    [Fact]
    public void An_axis_needs_a_variable_name() =>
        Assert.Throws<ArgumentException>(() => new SampleAxis(" ", 0, 1, 2));

    [Fact]
    public void A_grid_holds_the_function_and_both_derivatives_by_row_of_y_and_column_of_x()
    {
        var grid = FunctionSampling.SampleGrid(
            Expression.Parse("x * x * y"), new SampleAxis("x", -1, 1, 3), new SampleAxis("y", 0, 2, 2), NoOtherValues);

        Assert.Equal([-1.0, 0.0, 1.0], grid.Xs);
        Assert.Equal([0.0, 2.0], grid.Ys);
        Assert.Equal([[0.0, 0.0, 0.0], [2.0, 0.0, 2.0]], grid.Values.Select(row => row.ToArray()));
        Assert.Equal([[-0.0, 0.0, 0.0], [-4.0, 0.0, 4.0]], grid.XDerivatives.Select(row => row.ToArray()));
        Assert.Equal([[1.0, 0.0, 1.0], [1.0, 0.0, 1.0]], grid.YDerivatives.Select(row => row.ToArray()));
    }

    [Fact]
    public void A_grid_row_where_the_function_is_not_finite_is_NaN_in_all_three_tables()
    {
        var grid = FunctionSampling.SampleGrid(
            Expression.Parse("x / y"), new SampleAxis("x", 1, 2, 2), new SampleAxis("y", 0, 1, 2), NoOtherValues);

        Assert.All(grid.Values[0].Concat(grid.XDerivatives[0]).Concat(grid.YDerivatives[0]), v => Assert.True(double.IsNaN(v)));
        Assert.Equal([1.0, 2.0], grid.Values[1]);
        Assert.Equal([1.0, 1.0], grid.XDerivatives[1]);
        Assert.Equal([-1.0, -2.0], grid.YDerivatives[1]);
    }

    [Fact]
    public void A_grid_needs_two_different_variables_and_at_most_ten_thousand_points()
    {
        var expression = Expression.Parse("x * y");

        Assert.Throws<ArgumentException>(
            () => FunctionSampling.SampleGrid(expression, new SampleAxis("x", 0, 1, 2), new SampleAxis("x", 0, 1, 2), NoOtherValues));
        Assert.Throws<ArgumentOutOfRangeException>(
            () => FunctionSampling.SampleGrid(expression, new SampleAxis("x", 0, 1, 101), new SampleAxis("y", 0, 1, 100), NoOtherValues));
    }

    [Fact]
    public void A_grid_s_central_differences_are_the_library_s_at_every_point()
    {
        var expression = Expression.Parse("x * x * y + sigmoid(y)");

        var grid = FunctionSampling.SampleGrid(expression, new SampleAxis("x", -2, 2, 5), new SampleAxis("y", -1, 1, 3), NoOtherValues);

        for (var row = 0; row < 3; row++)
        {
            for (var column = 0; column < 5; column++)
            {
                double F(double[] p) => (p[0] * p[0] * p[1]) + Operators.Sigmoid(p[1]);
                double[] point = [grid.Xs[column], grid.Ys[row]];
                Assert.Equal(Autodiff.CentralDifference(F, point, 0), grid.XCentralDifferences[row][column], 1e-9);
                Assert.Equal(Autodiff.CentralDifference(F, point, 1), grid.YCentralDifferences[row][column], 1e-9);
            }
        }
    }
}
