using System.Globalization;

namespace MiniTorch.Runs;

/// <summary>
/// A file of your own points (<c>minitorch train --data</c>), read by the rules of every file a user names: only a
/// regular file is opened (a named pipe or a device is refused before opening), of at most <see cref="MaxBytes"/>
/// bytes, in UTF-8; its text is then read by <see cref="PointsCsv.Read"/>, whose lines are at most
/// <see cref="PointsCsv.MaxLineLength"/> characters.
/// </summary>
public static class PointsFile
{
    /// <summary>The largest points file read, in bytes: 1 MiB, far more than 1,000 points of the longest numbers take.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>Reads the points of a file.</summary>
    /// <param name="path">The file; its name becomes the dataset's name.</param>
    /// <returns>The points and labels, in the order of the lines.</returns>
    /// <exception cref="InvalidDataException">
    /// The path names something other than a regular file, or the file is too large or not UTF-8; the message starts
    /// with <c>it is</c>, for the caller to prefix with the file.
    /// </exception>
    /// <exception cref="PointsCsvException">A line breaks a rule of <see cref="PointsCsv"/>.</exception>
    /// <exception cref="IOException">The file could not be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static Dataset Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var text = TextFile.DecodeUtf8(TextFile.ReadBounded(path, MaxBytes, TooLarge));
        return PointsCsv.Read(new StringReader(text), Path.GetFileName(path));
    }

    private static InvalidDataException TooLarge() => new(string.Create(
        CultureInfo.InvariantCulture, $"it is larger than {MaxBytes} bytes, the most a points file may hold ({PointsCsv.MaxPoints} points take a few dozen KB)"));
}
