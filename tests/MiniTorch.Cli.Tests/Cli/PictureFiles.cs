using System.Buffers.Binary;
using System.Xml.Linq;

namespace MiniTorch.Tests.Cli;

/// <summary>Checks on the picture files the commands write.</summary>
internal static class PictureFiles
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Asserts that <paramref name="path"/> is a PNG of the given size (read from its IHDR chunk).</summary>
    /// <param name="path">The file.</param>
    /// <param name="width">The expected width.</param>
    /// <param name="height">The expected height.</param>
    public static void AssertPng(string path, int width, int height)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(PngSignature, bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
    }

    /// <summary>Asserts that <paramref name="path"/> parses as XML with an <c>svg</c> root.</summary>
    /// <param name="path">The file.</param>
    public static void AssertSvg(string path) => Assert.Equal("svg", XDocument.Load(path).Root!.Name.LocalName);
}
