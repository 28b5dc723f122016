using System.Text;

namespace MiniTorch;

/// <summary>
/// Writes files atomically: the bytes go to a temporary file in the same folder, which then replaces the target with
/// one rename. A reader sees the old file or the new one, never half of one; a failed write leaves the old file.
/// </summary>
public static class AtomicFile
{
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
        ArgumentException.ThrowIfNullOrEmpty(path);
        var target = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(target) ?? throw new ArgumentException($"'{path}' names no file.", nameof(path));
        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        var moved = false;
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, overwrite: true);
            moved = true;
        }
        finally
        {
            if (!moved && File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
