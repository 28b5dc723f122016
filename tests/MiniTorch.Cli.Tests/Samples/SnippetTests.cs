using System.Text.RegularExpressions;

namespace MiniTorch.Tests;

/// <summary>
/// Every C# snippet of the README and of the pages under docs/ (the guides among them) is compiled and run: each
/// <c>```csharp</c> block appears verbatim in a sample's program or a test (as consecutive lines, perhaps indented
/// there as a whole), so none can drift from the code.
/// </summary>
[Trait("Task", "1.4")]
public sealed partial class SnippetTests
{
    public static TheoryData<string> Documents => new(
        ["README.md", .. Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "docs"), "*.md", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(RepositoryFiles.Root, p).Replace('\\', '/')).Order(StringComparer.Ordinal)]);

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_csharp_block_is_a_sample_or_a_test_verbatim(string document)
    {
        var sources = Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "samples"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "tests"), "*.cs", SearchOption.AllDirectories))
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(p => File.ReadAllText(p).Split('\n'))
            .ToArray();

        foreach (Match block in CsharpBlock().Matches(RepositoryFiles.Read(document)))
        {
            var snippet = block.Groups[1].Value.TrimEnd('\n').Split('\n');
            Assert.True(
                sources.Any(source => Contains(source, snippet)),
                $"{document}: this C# block is in no sample or test:\n{string.Join('\n', snippet)}");
        }
    }

    // Whether the snippet's lines are consecutive lines of the source, each with the same extra indentation (blank lines match blank lines).
    private static bool Contains(string[] source, string[] snippet)
    {
        for (var start = 0; start + snippet.Length <= source.Length; start++)
        {
            if (!source[start].EndsWith(snippet[0], StringComparison.Ordinal))
            {
                continue;
            }

            var indent = source[start][..^snippet[0].Length];
            if (indent.Trim().Length == 0 && Enumerable.Range(0, snippet.Length).All(k =>
                snippet[k].Length == 0 ? source[start + k].Trim().Length == 0 : source[start + k] == indent + snippet[k]))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^```csharp\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CsharpBlock();
}
