namespace MiniTorch.Cli.Commands;

/// <summary>Writing files so that a reader never sees half of one: write a temporary file beside the target, then rename it.</summary>
internal static class AtomicFile
{
    /// <summary>
    /// Creates the file at <paramref name="path"/> by letting <paramref name="write"/> fill a temporary file in the
    /// same folder, then moving it over <paramref name="path"/> (replacing any existing file). On failure the temporary
    /// file is removed and the target is left as it was.
    /// </summary>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="write">Writes the content to the temporary path it is given.</param>
    /// <exception cref="IOException">The folder does not exist or cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">No permission to write there.</exception>
    public static void Write(string path, Action<string> write)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full) ?? ".";
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"the folder {folder} does not exist");
        }

        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            write(temporary);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 to <paramref name="path"/>, atomically.</summary>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="text">The content.</param>
    public static void WriteAllText(string path, string text) => Write(path, temporary => File.WriteAllText(temporary, text));
}
