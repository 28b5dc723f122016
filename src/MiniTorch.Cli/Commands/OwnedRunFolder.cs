namespace MiniTorch.Cli.Commands;

/// <summary>
/// A run's folder as one unit: the run holds a lock beside the folder, writes into a hidden staging folder next to
/// it, and <see cref="Publish"/> puts the staging folder in the folder's place. A concurrent run is refused; a run
/// that fails, or is killed, leaves the folder as it was (the earlier run's files, or none), never files of two runs.
/// </summary>
/// <remarks>
/// The lock is a hidden file <c>.NAME.lock</c> beside the folder, locked exclusively (an advisory lock that the system
/// releases when the process ends, however it ends); the empty file stays. Staging folders <c>.NAME.*.partial</c> left
/// by killed runs are removed by the next run that holds the lock. The folder is replaced only if it is empty or holds nothing but a
/// run's files, so that <c>--out</c> pointed at a folder of other files cannot destroy them.
/// </remarks>
internal sealed class OwnedRunFolder : IDisposable
{
    private static readonly HashSet<string> RunFiles = new(StringComparer.Ordinal)
    {
        "log.csv", "model.json", "boundary.png", "boundary.svg", "loss.png", "loss.svg", "summary.md",
        "boundaries.png", "boundaries.svg", "eval-boundary.png", "eval-boundary.svg",
    };

    private readonly string _target;
    private readonly FileStream _lock;
    private bool _published;

    private OwnedRunFolder(string target, FileStream lockFile, string staging)
    {
        _target = target;
        _lock = lockFile;
        Staging = staging;
    }

    /// <summary>The folder the run writes its files into; it becomes the target folder at <see cref="Publish"/>.</summary>
    public string Staging { get; }

    /// <summary>Takes <paramref name="folder"/> for one run: locks it, checks it can be replaced, creates the staging folder.</summary>
    /// <param name="folder">The folder given with --out (or the default); it need not exist.</param>
    /// <returns>The owned folder; dispose it to give it up.</returns>
    /// <exception cref="UsageException">Another run holds the folder, it holds other files, or it cannot be written.</exception>
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
            throw Unwritable(folder, problem);
        }

        var name = Path.GetFileName(target);
        var lockPath = Path.Combine(parent, $".{name}.lock");
        var lockFile = TakeLock(folder, lockPath);
        try
        {
            CheckReplaceable(folder, target);
            foreach (var leftOver in Directory.EnumerateDirectories(parent, $".{name}.*.partial"))
            {
                Directory.Delete(leftOver, recursive: true);
            }

            var staging = Path.Combine(parent, $".{name}.{Guid.NewGuid():N}.partial");
            Directory.CreateDirectory(staging);
            return new OwnedRunFolder(target, lockFile, staging);
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            lockFile.Dispose();
            throw Unwritable(folder, problem);
        }
        catch (UsageException)
        {
            lockFile.Dispose();
            throw;
        }
    }

    /// <summary>Puts the staging folder in the target's place; the earlier run's files, if any, are removed.</summary>
    /// <exception cref="IOException">The folders could not be renamed; the target is unchanged.</exception>
    public void Publish()
    {
        string? previous = null;
        if (Directory.Exists(_target))
        {
            previous = Path.Combine(Path.GetDirectoryName(_target)!, $".{Path.GetFileName(_target)}.{Guid.NewGuid():N}.partial");
            Directory.Move(_target, previous);
        }

        Directory.Move(Staging, _target);
        _published = true;
        if (previous is not null)
        {
            Directory.Delete(previous, recursive: true);
        }
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

    // An exclusive FileStream takes an advisory lock (flock on Unix), which ends with the process. The file stays
    // after the run: deleting it would let a run that opened it just before lock a file no longer at that path.
    private static FileStream TakeLock(string folder, string lockPath)
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
            throw Unwritable(folder, problem);
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

    private static UsageException Unwritable(string folder, Exception problem) =>
        new($"cannot write to --out '{folder}': {problem.Message}", problem);
}
