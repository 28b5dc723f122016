using ScottPlot;
using SkiaSharp;

namespace MiniTorch.Runs;

/// <summary>
/// DejaVu Sans, carried inside this assembly (Pictures/Fonts/DejaVuSans.ttf, licence beside it) and handed to ScottPlot,
/// so that every plot has readable text on a machine with no system font and looks the same on every machine.
/// </summary>
/// <remarks>
/// The one face (regular) serves every style ScottPlot asks for under this name, bold titles included. ScottPlot asks
/// its font resolvers in order, so this one goes first, ahead of the system's.
/// </remarks>
internal sealed class BundledFont : IFontResolver
{
    /// <summary>The family name the plots ask for.</summary>
    public const string Name = "DejaVu Sans";

    private const string ResourceName = "MiniTorch.Runs.Fonts.DejaVuSans.ttf";

    private static readonly Lazy<BundledFont> Registered = new(Register);

    private readonly SKTypeface _typeface;

    private BundledFont(SKTypeface typeface) => _typeface = typeface;

    /// <summary>Registers the font with ScottPlot the first time it is called; later calls do nothing.</summary>
    public static void EnsureRegistered() => _ = Registered.Value;

    /// <inheritdoc/>
    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) =>
        string.Equals(fontName, Name, StringComparison.OrdinalIgnoreCase) ? _typeface : null;

    /// <inheritdoc/>
    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        CreateTypeface(fontName, FontWeight.Normal, FontSlant.Upright, FontSpacing.Normal);

    private static BundledFont Register()
    {
        using var stream = typeof(BundledFont).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the embedded font {ResourceName} is missing from {typeof(BundledFont).Assembly.GetName().Name}");
        var font = new BundledFont(SKTypeface.FromStream(stream));
        Fonts.FontResolvers.Insert(0, font);
        Fonts.Default = Name;
        return font;
    }
}
