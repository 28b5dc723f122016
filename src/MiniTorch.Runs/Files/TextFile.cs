using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace MiniTorch.Runs;

/// <summary>
/// The rules for reading a file a user names (a model file, a points file): only a regular file is opened (checked
/// before opening, so that a named pipe cannot block and a device such as <c>/dev/zero</c> cannot stream forever), no
/// more than a size limit is read, and the text must be UTF-8 (a leading byte order mark is skipped).
/// </summary>
/// <remarks>Each refusal is an <see cref="InvalidDataException"/> whose message starts with <c>it is</c>, for the caller to prefix with the file.</remarks>
public static class TextFile
{
    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>Reads the whole file, stopping as soon as it passes <paramref name="maxBytes"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="maxBytes">The most bytes it may hold.</param>
    /// <param name="tooLarge">The refusal of a larger file, which says what the limit is for.</param>
    /// <returns>The bytes.</returns>
    /// <exception cref="InvalidDataException">The path names something other than a regular file, or the file is too large.</exception>
    /// <exception cref="IOException">The file could not be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static byte[] ReadBounded(string path, int maxBytes, Func<InvalidDataException> tooLarge)
    {
        if (FileKind.DescribeIfNotRegular(path) is { } kind)
        {
            throw new InvalidDataException($"it is {kind}, not a regular file");
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return ReadBounded(stream, maxBytes, tooLarge);
    }

    /// <summary>Reads a stream to its end (standard input, say), stopping as soon as it passes <paramref name="maxBytes"/>.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="maxBytes">The most bytes it may hold.</param>
    /// <param name="tooLarge">The refusal of a longer stream, which says what the limit is for.</param>
    /// <returns>The bytes.</returns>
    /// <exception cref="InvalidDataException">The stream holds more than <paramref name="maxBytes"/> bytes.</exception>
    /// <exception cref="IOException">The stream could not be read.</exception>
    public static byte[] ReadBounded(Stream stream, int maxBytes, Func<InvalidDataException> tooLarge)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(tooLarge);
        using var contents = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (contents.Length + read > maxBytes)
            {
                throw tooLarge();
            }

            contents.Write(chunk, 0, read);
        }

        return contents.ToArray();
    }

    /// <summary>The text of <paramref name="bytes"/>, which must be UTF-8 (see <see cref="Utf8Text"/>).</summary>
    /// <param name="bytes">The bytes read.</param>
    /// <returns>The text, without a byte order mark.</returns>
    /// <exception cref="InvalidDataException">The bytes are not valid UTF-8.</exception>
    public static string DecodeUtf8(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(Utf8Text(bytes).Span);

    /// <summary>Checks that <paramref name="bytes"/> are UTF-8, and drops a leading byte order mark.</summary>
    /// <param name="bytes">The file's bytes.</param>
    /// <returns>The bytes after the byte order mark, if there is one.</returns>
    /// <exception cref="InvalidDataException">The bytes are not valid UTF-8; the message gives the offset of the first bad one.</exception>
    public static ReadOnlyMemory<byte> Utf8Text(ReadOnlyMemory<byte> bytes)
    {
        if (bytes.Span.StartsWith(Utf8ByteOrderMark))
        {
            bytes = bytes[Utf8ByteOrderMark.Length..];
        }

        return Utf8.IsValid(bytes.Span)
            ? bytes
            : throw new InvalidDataException(string.Create(
                CultureInfo.InvariantCulture, $"it is not valid UTF-8 (byte offset {FirstInvalidUtf8(bytes.Span)}); save it as UTF-8"));
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[offset..], out _, out var length) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += length;
        }

        return offset;
    }
}
