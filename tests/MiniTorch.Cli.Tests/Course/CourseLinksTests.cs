using System.Text;
using MiniTorch.CourseWriter;

namespace MiniTorch.Tests;

/// <summary>The link check of the written course: a link that reaches no file of the course, or names a heading that
/// its page lacks, is dead; links inside code and to other sites are not followed.</summary>
[Trait("Task", "course")]
public sealed class CourseLinksTests
{
    private static IReadOnlyList<string> Dead(params (string Path, string Text)[] files) =>
        CourseLinks.Dead(files.ToDictionary(f => f.Path, f => Encoding.UTF8.GetBytes(f.Text)));

    [Fact]
    public void A_link_to_a_file_the_course_lacks_is_dead_and_one_to_a_file_or_folder_it_has_is_not()
    {
        var dead = Dead(
            ("docs/guides/a.md", "See [b](b.md), [the code](../../src/X.cs), [the folder](../../src/) and [a sample](../../samples/Y.cs)."),
            ("docs/guides/b.md", "# B"),
            ("src/X.cs", "class X;"));

        Assert.Equal(["docs/guides/a.md: (../../samples/Y.cs) reaches no file of the course"], dead);
    }

    [Fact]
    public void A_missing_image_is_a_dead_link_too() =>
        Assert.Single(Dead(("docs/guides/a.md", "![the film](../images/snapshots-xor.png)")));

    [Fact]
    public void A_fragment_must_name_a_heading_of_the_page_with_github_s_anchors()
    {
        var dead = Dead(
            ("README.md", "# Course\n\n## Your `minitorch`\n\nSee [it](#your-minitorch)."),
            ("docs/a.md", "[good](../README.md#your-minitorch), [bad](../README.md#training-results)"));

        Assert.Equal(["docs/a.md: (../README.md#training-results) names no heading of README.md"], dead);
    }

    [Fact]
    public void Links_in_code_and_to_other_sites_are_not_followed() =>
        Assert.Empty(Dead(("a.md", "`[x](nowhere.md)`\n\n```bash\n[y](nowhere.md)\n```\n\n[CsCheck](https://github.com/AnthonyLloyd/CsCheck)")));

    [Fact]
    public void A_link_that_climbs_out_of_the_course_is_dead() =>
        Assert.Single(Dead(("docs/a.md", "[up](../../../elsewhere.md)")));

    [Fact]
    public void The_course_written_from_this_repository_has_no_dead_link()
    {
        var folder = Directory.CreateTempSubdirectory("course-links-");
        try
        {
            Course.Write(RepositoryFiles.Root, folder.FullName, solvedThrough: null);
            var files = Directory.EnumerateFiles(folder.FullName, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(folder.FullName, f).Replace('\\', '/'), File.ReadAllBytes);

            Assert.Contains("docs/guides/0a-operators.md", files.Keys);
            Assert.Empty(CourseLinks.Dead(files));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
