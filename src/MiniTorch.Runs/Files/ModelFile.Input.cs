using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace MiniTorch.Runs;

public static partial class ModelFile
{
    // The most characters of the file's own text that an error message repeats.
    private const int ShownLength = 60;

    // The most characters of a JSON syntax error, which quotes the offending text, that an error message repeats.
    private const int JsonMessageLength = 200;

    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    // Reads the whole file, refusing anything but a regular file (checked before opening, so that a named pipe cannot
    // block and a device cannot stream forever) and stopping one byte past the size limit.
    private static byte[] ReadBounded(string path)
    {
        if (FileKind.DescribeIfNotRegular(path) is { } kind)
        {
            throw new InvalidDataException($"it is {kind}, not a regular file");
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var contents = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (contents.Length + read > MaxBytes)
            {
                throw TooLarge();
            }

            contents.Write(chunk, 0, read);
        }

        return contents.ToArray();
    }

    // The checks on the text as a whole, before any field is read: size, encoding, JSON syntax, repeated names.
    private static JsonDocument ParseDocument(ReadOnlyMemory<byte> bytes)
    {
        if (bytes.Length > MaxBytes)
        {
            throw TooLarge();
        }

        if (bytes.Span.StartsWith(Utf8ByteOrderMark))
        {
            bytes = bytes[Utf8ByteOrderMark.Length..];
        }

        if (!Utf8.IsValid(bytes.Span))
        {
            throw new InvalidDataException(string.Create(
                CultureInfo.InvariantCulture, $"it is not valid UTF-8 (byte offset {FirstInvalidUtf8(bytes.Span)}); save it as UTF-8"));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException problem)
        {
            throw new InvalidDataException($"it is not valid JSON ({Shown(problem.Message, JsonMessageLength)})", problem);
        }

        try
        {
            RejectRepeatedNames(document.RootElement);
            return document;
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    // Text taken from the file, fit for a one-line message: control characters escaped, cut after `length` characters.
    private static string Shown(string text, int length = ShownLength)
    {
        var shown = new StringBuilder(Math.Min(text.Length, length + 1));
        foreach (var c in text)
        {
            if (shown.Length >= length)
            {
                return shown.Append('…').ToString();
            }

            if (char.IsControl(c))
            {
                shown.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                shown.Append(c);
            }
        }

        return shown.ToString();
    }

    private static InvalidDataException TooLarge() => new(string.Create(
        CultureInfo.InvariantCulture,
        $"it is larger than {MaxBytes} bytes, the most a model file may hold (a network of hidden width 1000 needs about 55 MB)"));

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

    // JSON allows a name twice in one object and readers disagree on which value wins, so a file with one is refused.
    private static void RejectRepeatedNames(JsonElement root)
    {
        var pending = new Stack<(JsonElement Element, string Path)>();
        pending.Push((root, string.Empty));
        while (pending.TryPop(out var item))
        {
            if (item.Element.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var element in item.Element.EnumerateArray())
                {
                    pending.Push((element, string.Create(CultureInfo.InvariantCulture, $"{item.Path}[{index++}]")));
                }
            }
            else if (item.Element.ValueKind == JsonValueKind.Object)
            {
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in item.Element.EnumerateObject())
                {
                    var path = item.Path.Length == 0 ? property.Name : $"{item.Path}.{property.Name}";
                    if (!names.Add(property.Name))
                    {
                        throw new InvalidDataException($"'{Shown(path)}' appears more than once");
                    }

                    pending.Push((property.Value, path));
                }
            }
        }
    }
}
