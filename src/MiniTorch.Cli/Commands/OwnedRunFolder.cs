using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MiniTorch.Cli.Commands;

/// <summary>
/// A run's folder as one unit: the run holds a lock beside the folder, writes into a hidden staging folder next to
/// it, and <see cref="Publish"/> puts the staging folder in the folder's place. A concurrent run is refused; a run
/// that fails, or is killed at any moment, leaves the earlier run's files whole or its own whole, never files of two
/// runs, and never neither.
/// </summary>
/// <remarks>
/// <para>
/// Beside the folder NAME live three hidden entries: <c>.NAME.lock</c>, locked exclusively (an advisory lock that the
/// system releases when the process ends, however it ends; the empty file stays), the staging folder
/// <c>.NAME.partial</c>, and, only while a run is published, the earlier run set aside as <c>.NAME.previous</c>. A name
/// longer than <see cref="PlainNameBytes"/> bytes is shortened in them (its start and a hash of the whole), so that
/// any folder name the system allows, up to <see cref="MaxNameBytes"/> bytes, has hidden names it allows too.
/// </para>
/// <para>
/// Publishing sets the earlier run aside, moves the new one in, and only then removes the earlier one. A run killed
/// between the two moves leaves the earlier run aside and no folder: the next run into the folder puts it back before
/// anything else (and a run killed after the second move leaves the aside copy, which the next run removes). The
/// folder is replaced only if it is empty or holds nothing but a run's files, so that <c>--out</c> pointed at a folder
/// of other files cannot destroy them. Messages name the user's folder, never a hidden one.
/// </para>
/// <para>
/// For tests only: with the environment variable <see cref="HoldPublishVariable"/> set, <see cref="Publish"/> stops
/// for good between its two moves, so that a test can kill the process at that moment.
/// </para>
/// </remarks>
internal sealed class OwnedRunFolder : IDisposable
{
    /// <summary>The longest folder name, in bytes of UTF-8, that <c>--out</c> accepts: the limit of file names on Linux and macOS.</summary>
    public const int MaxNameBytes = 255;

    /// <summary>The longest folder name, in bytes of UTF-8, kept whole in the hidden names; a longer one is shortened there.</summary>
    public const int PlainNameBytes = 200;

    /// <summary>The environment variable that, set, holds <see cref="Publish"/> between its two moves (for tests only).</summary>
    public const string HoldPublishVariable = "MINITORCH_TEST_HOLD_PUBLISH";

    // How many bytes of a long name's start its shortened form keeps, before "~" and 16 hexadecimal digits of its hash.
    private const int ShortenedStartBytes = 160;

    private static readonly HashSet<string> RunFiles = new(StringComparer.Ordinal)
    {
        "log.csv", "model.json", "boundary.png", "boundary.svg", "loss.png", "loss.svg", "snapshots.png", "snapshots.svg",
        "summary.md", "boundaries.png", "boundaries.svg", "eval-boundary.png", "eval-boundary.svg",
    };

    private readonly string _folder;
    private readonly string _target;
    private readonly string _previous;
    private readonly FileStream _lock;
    private bool _published;

    private OwnedRunFolder(string folder, string target, FileStream lockFile, string staging, string previous)
    {
        _folder = folder;
        _target = target;
        _lock = lockFile;
        Staging = staging;
        _previous = previous;
    }

    /// <summary>The folder the run writes its files into; it becomes the target folder at <see cref="Publish"/>.</summary>
    public string Staging { get; }

    /// <summary>
    /// Takes <paramref name="folder"/> for one run: locks it, finishes or undoes a publication that a killed run left
    /// halfway, checks it can be replaced, creates the staging folder.
    /// </summary>
    /// <param name="folder">The folder given with --out (or the default); it need not exist.</param>
    /// <returns>The owned folder; dispose it to give it up.</returns>
    /// <exception cref="UsageException">Another run holds the folder, its name is too long, it holds other files, or it cannot be written.</exception>
    public static OwnedRunFolder Claim(string folder)
    {
        string target;
        string parent;
        try
        {
            target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
            parent = Path.GetDirectoryName(target) ?? throw new IOException("a drive's root cannot be replaced by a run");
            Directory.CreateDirectory(parent);
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw Unwritable(folder, problem.Message);
        }

        var name = Path.GetFileName(target);
        var bytes = Encoding.UTF8.GetByteCount(name);
        if (bytes > MaxNameBytes)
        {
            throw new UsageException(Invariant(
                $"cannot write to --out '{folder}': the folder's name takes {bytes} bytes, and a name may take at most {MaxNameBytes}; choose a shorter one"));
        }

        var hidden = Path.Combine(parent, "." + HiddenName(name));
        var (lockPath, staging, previous) = (hidden + ".lock", hidden + ".partial", hidden + ".previous");
        var lockFile = TakeLock(folder, lockPath, parent);
        try
        {
            Recover(target, previous);
            CheckReplaceable(folder, target);
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            Directory.CreateDirectory(staging);
            return new OwnedRunFolder(folder, target, lockFile, staging, previous);
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            lockFile.Dispose();
            throw Unwritable(folder, Hide(problem.Message, parent, lockPath, staging, previous));
        }
        catch (UsageException)
        {
            lockFile.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Puts the staging folder in the target's place: the earlier run, if any, is set aside first, and removed only
    /// once the new run is in place.
    /// </summary>
    /// <exception cref="IOException">The folders could not be moved; the target holds the earlier run, as before.</exception>
    public void Publish()
    {
        var setAside = Directory.Exists(_target);
        try
        {
            if (setAside)
            {
                Directory.Move(_target, _previous);
            }

            HoldIfTesting();
            Directory.Move(Staging, _target);
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            if (setAside && !Directory.Exists(_target) && Directory.Exists(_previous))
            {
                Directory.Move(_previous, _target);
            }

            throw new IOException($"cannot put the run in place at '{_folder}': {Describe(problem)}", problem);
        }

        _published = true;
        if (setAside)
        {
            Directory.Delete(_previous, recursive: true);
        }
    }

    /// <summary>
    /// A problem's message as the user should read it: a file in the staging folder is named as it will be in the
    /// run's folder, and the hidden entries beside it by the folder they are in.
    /// </summary>
    /// <param name="problem">A failure to write the run's files.</param>
    /// <returns>The message.</returns>
    public string Describe(Exception problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var parent = Path.GetDirectoryName(_target)!;
        return Hide(problem.Message.Replace(Staging, _folder, StringComparison.Ordinal), parent, _previous, _lock.Name);
    }

    /// <summary>Removes the staging folder unless it was published, and releases the lock.</summary>
    public void Dispose()
    {
        if (!_published && Directory.Exists(Staging))
        {
            Directory.Delete(Staging, recursive: true);
        }

        _lock.Dispose();
    }

    /// <summary>
    /// The folder's name as the hidden names beside it use it: the name itself up to <see cref="PlainNameBytes"/> bytes
    /// of UTF-8; beyond, its start (at most 160 bytes, whole characters) followed by <c>~</c> and 16 hexadecimal digits
    /// of the SHA-256 of the whole name, at most 177 bytes.
    /// </summary>
    /// <param name="name">The folder's name.</param>
    /// <returns>The name for the hidden entries.</returns>
    public static string HiddenName(string name)
    {
        if (Encoding.UTF8.GetByteCount(name) <= PlainNameBytes)
        {
            return name;
        }

        var start = new StringBuilder();
        var used = 0;
        foreach (var rune in name.EnumerateRunes())
        {
            if (used + rune.Utf8SequenceLength > ShortenedStartBytes)
            {
                break;
            }

            start.Append(rune.ToString());
            used += rune.Utf8SequenceLength;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..16];
        return $"{start}~{hash}";
    }

    // A run killed between the two moves of Publish left the earlier run aside and no folder: it is put back. One killed
    // after them left the aside copy beside the new run: the copy is removed, as that run would have done.
    private static void Recover(string target, string previous)
    {
        if (!Directory.Exists(previous))
        {
            return;
        }

        if (Directory.Exists(target))
        {
            Directory.Delete(previous, recursive: true);
        }
        else
        {
            Directory.Move(previous, target);
        }
    }

    private static void HoldIfTesting()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(HoldPublishVariable)))
        {
            Thread.Sleep(Timeout.Infinite);
        }
    }

    // An exclusive FileStream takes an advisory lock (flock on Unix), which ends with the process. The file stays
    // after the run: deleting it would let a run that opened it just before lock a file no longer at that path.
    private static FileStream TakeLock(string folder, string lockPath, string parent)
    {
        try
        {
            return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException problem) when (File.Exists(lockPath))
        {
            throw new UsageException($"--out '{folder}' is in use by another training run; wait for it to finish or choose another --out", problem);
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            throw Unwritable(folder, Hide(problem.Message, parent, lockPath));
        }
    }

    private static void CheckReplaceable(string folder, string target)
    {
        if (File.Exists(target))
        {
            throw new UsageException($"cannot write to --out '{folder}': it is a file, not a folder");
        }

        if (Directory.Exists(target) && FirstForeignEntry(target) is { } foreign)
        {
            throw new UsageException(
                $"--out '{folder}' holds '{Path.GetRelativePath(target, foreign)}', which is not a training run's file; choose an empty or new folder");
        }
    }

    private static string? FirstForeignEntry(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            var name = Path.GetFileName(file);
            if (!RunFiles.Contains(name) && !(name.StartsWith('.') && name.EndsWith(".tmp", StringComparison.Ordinal)))
            {
                return file;
            }
        }

        foreach (var subfolder in Directory.EnumerateDirectories(folder))
        {
            var isDataset = Datasets.Names.Any(n => string.Equals(n, Path.GetFileName(subfolder), StringComparison.OrdinalIgnoreCase));
            if (!isDataset)
            {
                return subfolder;
            }

            if (FirstForeignEntry(subfolder) is { } foreign)
            {
                return foreign;
            }
        }

        return null;
    }

    // A system message about a hidden entry, with the entry's path replaced by its folder's: the user never chose the
    // hidden name, and the problem (permissions, space) is the folder's.
    private static string Hide(string message, string parent, params string[] hiddenPaths) =>
        hiddenPaths.Aggregate(message, (text, path) => text.Replace(path, parent, StringComparison.Ordinal));

    private static UsageException Unwritable(string folder, string reason) => new($"cannot write to --out '{folder}': {reason}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
