using System.Runtime.InteropServices;
using System.Text;

namespace MiniTorch.Runs;

/// <summary>
/// Tells, without opening it, whether a path names something other than a regular file. Opening a named pipe waits
/// for a writer and a device such as <c>/dev/zero</c> never ends, so a reader must ask before it opens.
/// </summary>
/// <remarks>
/// .NET reports no file type beyond "directory", so on Unix this asks <c>stat</c> through the runtime's own native
/// library (<c>SystemNative_Stat</c>, which every .NET runtime on Unix ships), whose file mode uses the portable
/// <c>S_IFMT</c> bits on every Unix. On Windows only directories are told apart.
/// </remarks>
internal static class FileKind
{
    private const int TypeMask = 0xF000;
    private const int NamedPipe = 0x1000;
    private const int CharacterDevice = 0x2000;
    private const int Directory = 0x4000;
    private const int BlockDevice = 0x6000;
    private const int RegularFile = 0x8000;
    private const int SymbolicLink = 0xA000;
    private const int Socket = 0xC000;

    // Larger than the runtime's FileStatus structure, whose mode is the second 32-bit field.
    private const int StatusBufferSize = 256;
    private const int ModeOffset = 4;

    /// <summary>What <paramref name="path"/> names, when it exists and is not a regular file.</summary>
    /// <param name="path">The path; symbolic links are followed.</param>
    /// <returns>
    /// For example <c>"a named pipe (FIFO)"</c> or <c>"a directory"</c>; <see langword="null"/> for a regular file or
    /// a path that cannot be examined (opening it then reports why).
    /// </returns>
    public static string? DescribeIfNotRegular(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return System.IO.Directory.Exists(path) ? "a directory" : null;
        }

        var status = new byte[StatusBufferSize];
        if (Stat(path, status) != 0)
        {
            return null;
        }

        return (BitConverter.ToInt32(status, ModeOffset) & TypeMask) switch
        {
            RegularFile => null,
            Directory => "a directory",
            NamedPipe => "a named pipe (FIFO)",
            CharacterDevice => "a character device",
            BlockDevice => "a block device",
            Socket => "a socket",
            SymbolicLink => "a symbolic link",
            _ => "not a regular file",
        };
    }

    private static int Stat(string path, byte[] status) => NativeStat(Encoding.UTF8.GetBytes(path + "\0"), status);

    // DllImport rather than LibraryImport, whose generated code would need the library compiled with unsafe code; the
    // path is passed as NUL-terminated UTF-8 bytes, as the native side expects.
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int NativeStat(byte[] path, [Out] byte[] status);
}
