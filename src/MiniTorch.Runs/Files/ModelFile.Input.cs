using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MiniTorch.Runs;

public static partial class ModelFile
{
    // The most characters of the file's own text that an error message repeats.
    private const int ShownLength = 60;

    // The most characters of a JSON syntax error, which quotes the offending text, that an error message repeats.
    private const int JsonMessageLength = 200;

    // Reads the whole file within the size limit, by the rules of every file a user names (TextFile).
    private static byte[] ReadBounded(string path) => TextFile.ReadBounded(path, MaxBytes, TooLarge);

    // The checks on the text as a whole, before any field is read: size, encoding, JSON syntax, repeated names.
    private static JsonDocument ParseDocument(ReadOnlyMemory<byte> bytes)
    {
        if (bytes.Length > MaxBytes)
        {
            throw TooLarge();
        }

        bytes = TextFile.Utf8Text(bytes);
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
            if (JsonNames.FirstRepeated(document.RootElement) is { } repeated)
            {
                throw new InvalidDataException($"'{Shown(repeated)}' appears more than once");
            }

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
}
