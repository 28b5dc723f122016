using System.Text;

namespace MiniTorch.Runs;

/// <summary>
/// Writes files atomically: the bytes go to a temporary file in the same folder, which then replaces the target with
/// one rename. A reader sees the old file or the new one, never half of one; a failed write leaves the old file.
/// </summary>
public static class AtomicFile
{
    // At most 40 characters, 160 bytes of UTF-8, of the target's name go into the temporary name, which then has at
    // most 1 + 160 + 1 + 32 + 4 = 198 bytes.
    private const int NameStartLength = 40;

    /// <summary>Writes <paramref name="contents"/> as UTF-8 without a byte order mark.</summary>
    /// <param name="path">The file to create or replace; its folder must exist.</param>
    /// <param name="contents">The text.</param>
    /// <exception cref="IOException">The file could not be written; the target is unchanged.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder cannot be written to.</exception>
    public static void WriteAllText(string path, string contents)
    {
        ArgumentNullException.ThrowIfNull(contents);
        WriteAllBytes(path, new UTF8Encoding(false).GetBytes(contents));
    }

    /// <summary>Writes <paramref name="bytes"/>.</summary>
    /// <param name="path">The file to create or replace; its folder must exist.</param>
    /// <param name="bytes">The contents.</param>
    /// <exception cref="IOException">The file could not be written; the target is unchanged.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder cannot be written to.</exception>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var contents = bytes.ToArray();
        Write(path, temporary =>
        {
            using var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write);
            stream.Write(contents);
            stream.Flush(flushToDisk: true);
        });
    }

    /// <summary>
    /// Lets <paramref name="writeTemporary"/> fill a temporary file beside <paramref name="path"/> (for example by running
    /// a program that writes to a path it is given), then moves it over <paramref name="path"/>.
    /// </summary>
    /// <param name="path">The file to create or replace; its folder must exist.</param>
    /// <param name="writeTemporary">Writes the whole contents to the temporary path it receives.</param>
    /// <exception cref="IOException">The file could not be written; the target is unchanged and the temporary file removed.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder cannot be written to.</exception>
    public static void Write(string path, Action<string> writeTemporary)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(writeTemporary);
        var target = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(target) ?? throw new ArgumentException($"'{path}' names no file.", nameof(path));
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"the folder {folder} does not exist");
        }

        var temporary = Path.Combine(folder, TemporaryName(Path.GetFileName(target)));
        try
        {
            writeTemporary(temporary);
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    // ".<start of the name>.<32 hex digits>.tmp": the start of the target's name tells what a stray temporary file was
    // for, and is cut so that the whole stays within the 255-byte limit of file names for any legal target name.
    private static string TemporaryName(string fileName)
    {
        var start = fileName.Length <= NameStartLength ? fileName : fileName[..NameStartLength];
        if (start.Length > 0 && char.IsHighSurrogate(start[^1]))
        {
            start = start[..^1];
        }

        return $".{start}.{Guid.NewGuid():N}.tmp";
    }
}
