using System.Text.RegularExpressions;

namespace MiniTorch.Tests;

/// <summary>
/// Every C# snippet of the README and the guides is compiled and run: each <c>```csharp</c> block appears verbatim in a
/// sample's program or a test, so none can drift from the code.
/// </summary>
[Trait("Task", "1.4")]
public sealed partial class SnippetTests
{
    public static TheoryData<string> Documents => new(
        ["README.md", .. Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "docs", "guides"), "*.md").Select(p => Path.GetRelativePath(RepositoryFiles.Root, p).Replace('\\', '/')).Order(StringComparer.Ordinal)]);

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_csharp_block_is_a_sample_or_a_test_verbatim(string document)
    {
        var sources = Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "samples"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "tests"), "*.cs", SearchOption.AllDirectories))
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToArray();

        foreach (Match block in CsharpBlock().Matches(RepositoryFiles.Read(document)))
        {
            var snippet = block.Groups[1].Value.Trim();
            Assert.True(
                sources.Any(source => source.Contains(snippet, StringComparison.Ordinal)),
                $"{document}: this C# block is in no sample or test:\n{snippet}");
        }
    }

    [GeneratedRegex(@"^```csharp\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CsharpBlock();
}
