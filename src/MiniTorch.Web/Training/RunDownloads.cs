using MiniTorch.Runs;

namespace MiniTorch.Web.Training;

/// <summary>
/// The files of a run as <c>minitorch train</c> writes them, for the page's download links: written by the same code
/// (<see cref="RunFolder"/>, <see cref="ModelFile"/>) into a private temporary folder, read back and deleted.
/// </summary>
internal static class RunDownloads
{
    /// <summary>The files the page offers, with their content types.</summary>
    public static IReadOnlyDictionary<string, string> Files { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["model.json"] = "application/json",
        ["log.csv"] = "text/csv",
        ["boundary.png"] = "image/png",
        ["boundary.svg"] = "image/svg+xml",
        ["loss.png"] = "image/png",
        ["loss.svg"] = "image/svg+xml",
    };

    /// <summary>Writes one file of the run as it stands (after the epochs completed so far).</summary>
    /// <param name="session">The run.</param>
    /// <param name="name">A key of <see cref="Files"/>.</param>
    /// <returns>
    /// The file's bytes, or null before the first epoch (there is no model or log yet); call it for model.json only when
    /// <see cref="TrainingPlan.Recorded"/> is set.
    /// </returns>
    public static byte[]? Write(TrainingSession session, string name)
    {
        var folder = Directory.CreateTempSubdirectory("minitorch-serve-").FullName;
        try
        {
            return session.Read(run =>
            {
                if (run.Epochs.Count == 0)
                {
                    return null;
                }

                switch (name)
                {
                    case "model.json":
                        RunFolder.WriteModel(folder, run);
                        break;
                    case "log.csv":
                        RunFolder.WriteLog(folder, run);
                        break;
                    case "loss.png" or "loss.svg":
                        RunFolder.WriteLossPlot(folder, run);
                        break;
                    default:
                        using (RunFolder.WriteBoundary(folder, run))
                        {
                            break;
                        }
                }

                return File.ReadAllBytes(Path.Combine(folder, name));
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
