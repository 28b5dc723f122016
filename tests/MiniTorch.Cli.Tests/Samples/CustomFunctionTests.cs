using System.Globalization;

namespace MiniTorch.Tests;

/// <summary>samples/CustomFunction: Sin written as an IScalarFunction gives x·sin x and its derivative, and passes DerivativeCheck.</summary>
[Trait("Task", "1.4")]
public sealed class CustomFunctionTests
{
    [Fact]
    public void The_sample_prints_the_value_and_derivative_of_x_sin_x_and_passes_the_check()
    {
        var x = 0.5;
        var value = x * Math.Sin(x);
        var derivative = Math.Sin(x) + (x * Math.Cos(x));

        var lines = SampleProgram.Run("CustomFunction");

        Assert.Equal(
            [
                string.Create(CultureInfo.CurrentCulture, $"y = {value:F6}, dy/dx = {derivative:F6}"),
                "Sin passes the derivative check at -3, -1, 0, 0.5 and 2",
            ],
            lines);
    }
}
