using System.Globalization;
using System.Text.RegularExpressions;

namespace MiniTorch.Tests;

/// <summary>samples/Optimize: gradient descent on Rosenbrock's function starts at (-1.5, 2) and walks down towards (1, 1).</summary>
[Trait("Task", "1.4")]
public sealed partial class OptimizeTests
{
    [Fact]
    public void The_path_starts_at_the_start_and_goes_downhill_towards_the_minimum()
    {
        var lines = SampleProgram.Run("Optimize", "200");

        Assert.Equal(11, lines.Length);
        Assert.Equal("step     0: x = -1.500000, y =  2.000000, f = 12.5", lines[0]);
        var path = lines.Select(Parse).ToArray();
        Assert.Equal(200, path[^1].Step);
        foreach (var (_, x, y, f) in path)
        {
            var expected = ((1 - x) * (1 - x)) + (100 * (y - (x * x)) * (y - (x * x)));
            Assert.Equal(expected, f, 1e-3 * (1 + expected));
        }

        for (var k = 1; k < path.Length; k++)
        {
            Assert.True(path[k].F < path[k - 1].F, $"f went up between '{lines[k - 1]}' and '{lines[k]}'");
        }

        Assert.True(path[^1].X > -1.5, "x should move towards the minimum at 1");
    }

    private static (int Step, double X, double Y, double F) Parse(string line)
    {
        var match = PathLine().Match(line);
        Assert.True(match.Success, $"unexpected line '{line}'");
        double Number(int group) => double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
        return (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), Number(2), Number(3), Number(4));
    }

    [GeneratedRegex(@"^step +(\d+): x = +(\S+), y = +(\S+), f = (\S+)$")]
    private static partial Regex PathLine();
}
