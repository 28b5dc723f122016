using System.Globalization;
using System.Text;

namespace MiniTorch.Tests;

/// <summary>Task 1.5: your own points from CSV text, and the line-numbered errors of a bad file.</summary>
[Trait("Task", "1.5")]
public sealed class PointsCsvTests
{
    public static TheoryData<string, int, string> BadFiles => new()
    {
        { "0.1,0.2,0\n0.3,0.4\n", 2, "line 2: expected 3 values x1,x2,label but found 2" },
        { "0.1,0.2,0,7\n", 1, "line 1: expected 3 values x1,x2,label but found 4" },
        { "x1,x2,label\n0.1,0.2,0\nabc,0.4,1\n", 3, "line 3: x1 \"abc\" is not a number; expected a number in [0, 1] such as 0.25" },
        { "0.1,0,5,1\n", 1, "line 1: expected 3 values x1,x2,label but found 4" },
        { "0.1,0.2,0\n\n0.3,0.4,2\n", 3, "line 3: label \"2\" must be 0 or 1" },
        { "0.1,0.2,1.0\n", 1, "line 1: label \"1.0\" must be 0 or 1" },
        { "0.1,0.2,\n", 1, "line 1: label \"\" must be 0 or 1" },
        { "0.1,1.5,1\n", 1, "line 1: x2 \"1.5\" is outside [0, 1]; points must lie in the unit square and are not rescaled" },
        { "-0.01,0.5,1\n", 1, "line 1: x1 \"-0.01\" is outside [0, 1]; points must lie in the unit square and are not rescaled" },
        { "NaN,0.5,1\n", 1, "line 1: x1 \"NaN\" is outside [0, 1]; points must lie in the unit square and are not rescaled" },
        { "0.5,Infinity,1\n", 1, "line 1: x2 \"Infinity\" is outside [0, 1]; points must lie in the unit square and are not rescaled" },
        { "0.5,1e999,1\n", 1, "line 1: x2 \"1e999\" is outside [0, 1]; points must lie in the unit square and are not rescaled" },
        { "0,5,0.5,1\n", 1, "line 1: expected 3 values x1,x2,label but found 4" },
        { "0.1,0.2,0\nx1,x2,label\n", 2, "line 2: x1 \"x1\" is not a number; expected a number in [0, 1] such as 0.25" },
        { "", 1, "line 1: no points; expected lines x1,x2,label such as 0.25,0.75,1" },
        { "x1,x2,label\n\n", 3, "line 3: no points; expected lines x1,x2,label such as 0.25,0.75,1" },
        { "123456789012345678901234567890,0.5,1\n", 1, "line 1: x1 \"12345678901234567890…\" is outside [0, 1]; points must lie in the unit square and are not rescaled" },
    };

    [Fact]
    public void A_file_with_a_header_blank_lines_spaces_and_exponents_gives_its_points_in_order()
    {
        var text = "x1,x2,label\r\n0.25,0.75,1\r\n\r\n  1 , 0 , 0 \r\n5e-1,1E0,1\r\n";

        var data = PointsCsv.Read(new StringReader(text), "mine.csv");

        Assert.Equal("mine.csv", data.Name);
        Assert.Equal([new DataPoint(0.25, 0.75), new DataPoint(1.0, 0.0), new DataPoint(0.5, 1.0)], data.Points);
        Assert.Equal([1, 0, 1], data.Labels);
    }

    [Fact]
    public void The_header_is_optional_and_may_be_written_in_capitals()
    {
        Assert.Equal([new DataPoint(0.0, 0.5)], PointsCsv.Read(new StringReader("0,0.5,0"), "a").Points);
        Assert.Equal([new DataPoint(0.0, 0.5)], PointsCsv.Read(new StringReader("X1, X2, Label\n0,0.5,0"), "a").Points);
    }

    [Fact]
    public void The_numbers_are_read_the_same_whatever_the_current_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            Assert.Equal([new DataPoint(0.5, 0.25)], PointsCsv.Read(new StringReader("0.5,0.25,1"), "a").Points);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_bad_file_is_rejected_with_the_line_and_what_is_expected(string text, int line, string message)
    {
        var problem = Assert.Throws<PointsCsvException>(() => PointsCsv.Read(new StringReader(text), "bad.csv"));

        Assert.Equal(message, problem.Message);
        Assert.Equal(line, problem.Line);
        Assert.Equal(message, $"line {line}: {problem.Problem}");
    }

    [Fact]
    public void A_thousand_points_are_accepted_and_the_thousand_and_first_is_rejected_on_its_line()
    {
        var text = new StringBuilder("x1,x2,label\n");
        for (var i = 0; i < 1000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i / 1000.0},0.5,{i % 2}\n");
        }

        Assert.Equal(1000, PointsCsv.Read(new StringReader(text.ToString()), "a").Count);

        text.Append("0.5,0.5,1\n");
        var problem = Assert.Throws<PointsCsvException>(() => PointsCsv.Read(new StringReader(text.ToString()), "a"));
        Assert.Equal("line 1002: more than 1000 points; a file holds at most 1000", problem.Message);
    }
}
