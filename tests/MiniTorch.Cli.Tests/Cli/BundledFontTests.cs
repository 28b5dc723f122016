using MiniTorch.Runs;

namespace MiniTorch.Tests.Cli;

/// <summary>The plots' font comes from the CLI assembly, not from the system, so pictures have text on any machine.</summary>
[Trait("Task", "1.5")]
public sealed class BundledFontTests
{
    [Fact]
    public void ScottPlot_draws_the_plots_font_from_the_bundled_file_in_every_style()
    {
        BundledFont.EnsureRegistered();

        Assert.Same(ScottPlot.Fonts.FontResolvers[0], Assert.Single(ScottPlot.Fonts.FontResolvers.OfType<BundledFont>()));
        foreach (var (bold, italic) in new[] { (false, false), (true, false), (false, true) })
        {
            var typeface = ScottPlot.Fonts.GetTypeface(BundledFont.Name, bold, italic);
            Assert.Equal(BundledFont.Name, typeface.FamilyName);
            Assert.True(typeface.ContainsGlyphs("x1 0.5 Xor: 21/50 correct (42%)"));
        }
    }

    [Fact]
    public void The_font_file_has_its_licence_beside_it()
    {
        var folder = Path.Combine(RepositoryFiles.Root, "src", "MiniTorch.Runs", "Pictures", "Fonts");

        Assert.True(File.Exists(Path.Combine(folder, "DejaVuSans.ttf")));
        Assert.Contains("Bitstream Vera", File.ReadAllText(Path.Combine(folder, "LICENSE-DejaVu.txt")), StringComparison.Ordinal);
    }
}
