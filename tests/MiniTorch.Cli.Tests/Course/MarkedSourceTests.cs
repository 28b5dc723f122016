using MiniTorch.CourseWriter;

namespace MiniTorch.Tests;

/// <summary>
/// The course writer's markers: task regions become NotImplementedExceptions naming the task, the other markers
/// replace or leave out their region, and a solved task keeps its code. The tool is tagged with the first task it
/// blanks, the closest task for tooling.
/// </summary>
[Trait("Task", "0.1")]
public sealed class MarkedSourceTests
{
    private static string Course(string source, string? solved = null)
    {
        var tasks = new HashSet<string>();
        return MarkedSource.Transform(source, "Test.cs", task => task == solved, tasks);
    }

    [Fact]
    public void An_expression_bodied_member_throws_with_the_task_and_its_summary()
    {
        const string source = """
                // course: task 0.1
                /// <summary>Negation: neg(x) = −x.</summary>
                public static double Neg(double x) => -x;
                // course: end
            """;

        var course = Course(source);

        Assert.Contains("public static double Neg(double x) => throw new NotImplementedException(\"Task 0.1: write Neg: Negation: neg(x) = −x.\");", course, StringComparison.Ordinal);
        Assert.Contains("/// <summary>Negation: neg(x) = −x.</summary>", course, StringComparison.Ordinal);
        Assert.DoesNotContain("course:", course, StringComparison.Ordinal);
    }

    [Fact]
    public void A_block_body_becomes_one_throw_and_a_private_helper_field_goes()
    {
        const string source = """
                // course: task 1.4: sort the graph
                private static readonly int[] Helper = [1, 2];
                public static int[] Sort(int[] values)
                {
                    var copy = (int[])values.Clone();
                    Array.Sort(copy, (a, b) => a.CompareTo(b));
                    return copy;
                }
                // course: end
            """;

        var course = Course(source);

        Assert.DoesNotContain("Helper", course, StringComparison.Ordinal);
        Assert.DoesNotContain("Clone", course, StringComparison.Ordinal);
        Assert.Contains("throw new NotImplementedException(\"Task 1.4: write Sort: sort the graph\");", course, StringComparison.Ordinal);
    }

    [Fact]
    public void A_solved_task_keeps_its_code_without_the_markers()
    {
        const string source = "// course: task 0.1\npublic static double Neg(double x) => -x;\n// course: end\n";

        Assert.Equal("public static double Neg(double x) => -x;\n", Course(source, solved: "0.1"));
    }

    [Fact]
    public void Replace_with_puts_its_line_in_place_of_the_region_and_omit_leaves_it_out()
    {
        const string source = "    // course: replace with Slow();\n    Fast();\n    // course: end\n    // course: omit: why\n    Gone();\n    // course: end\n";

        Assert.Equal("    Slow();\n", Course(source));
    }

    [Fact]
    public void Braces_and_arrows_inside_strings_and_comments_do_not_end_a_member()
    {
        const string source = """
                // course: task 0.3
                public static string Text(int x) => $"{{ {x} => {(x > 0 ? "}" : "{")} }}"; // a ; and a }
                // course: end
            """;

        var course = Course(source);

        Assert.Contains("public static string Text(int x) => throw new NotImplementedException(\"Task 0.3: write Text\");", course, StringComparison.Ordinal);
        Assert.Contains("// a ; and a }", course, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_or_unknown_marker_names_the_file_and_line()
    {
        var unclosed = Assert.Throws<InvalidOperationException>(() => Course("x\n// course: omit\ny\n"));
        var unknown = Assert.Throws<InvalidOperationException>(() => Course("// course: remove\n// course: end\n"));

        Assert.Contains("Test.cs:2", unclosed.Message, StringComparison.Ordinal);
        Assert.Contains("unknown marker 'course: remove'", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_helper_of_a_task_is_in_the_course_only_once_the_task_is_solved()
    {
        const string source = "// course: helper 1.4: why\npublic static double Back(double d) => d;\n// course: end\n";

        Assert.Equal(string.Empty, Course(source));
        Assert.Equal("public static double Back(double d) => d;\n", Course(source, solved: "1.4"));
    }

    [Fact]
    public void A_member_returning_a_tuple_is_named_by_its_name_not_its_modifier()
    {
        const string source = """
                // course: task 1.3
                public (int A, int B)[] Pairs(double d)
                {
                    return [];
                }
                // course: end
            """;

        Assert.Contains("\"Task 1.3: write Pairs\"", Course(source), StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_regions_are_replaced_or_left_out_with_html_comment_markers()
    {
        const string source = "# Guide\n\n<!-- course: replace with See your own run. -->\n![a picture](../images/big.png)\n<!-- course: end -->\n\n<!-- course: omit: library only -->\nThe tape.\n<!-- course: end -->\n\nEnd.\n";

        Assert.Equal("# Guide\n\nSee your own run.\n\nEnd.\n", Course(source));
    }
}
