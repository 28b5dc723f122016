namespace MiniTorch.Tests;

/// <summary>The README's first example is the compiled sample, and it prints what the README says.</summary>
[Trait("Task", "1.4")]
public sealed class FirstGradientTests
{
    private static readonly string SampleSource = RepositoryFiles.Read("samples/FirstGradient/Program.cs");

    [Fact]
    public void The_readme_shows_the_sample_verbatim() =>
        Assert.Contains(SampleSource.Trim(), RepositoryFiles.Read("README.md"), StringComparison.Ordinal);

    [Fact]
    public void The_sample_prints_the_value_and_both_derivatives()
    {
        Assert.Equal(["z = 32, dz/dx = 22, dz/dy = 4"], SampleProgram.Run("FirstGradient"));
        Assert.Contains("// prints: z = 32, dz/dx = 22, dz/dy = 4", SampleSource, StringComparison.Ordinal);
    }
}
