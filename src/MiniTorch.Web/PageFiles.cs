using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;

namespace MiniTorch.Web;

/// <summary>
/// The page's files (wwwroot/), embedded in this assembly and served from memory: the server reads no file of the
/// machine for a request, and works from any working folder. A request can reach only the files listed here.
/// </summary>
internal static class PageFiles
{
    private const string Prefix = "page/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".txt"] = "text/plain; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly Lazy<FrozenDictionary<string, byte[]>> Files = new(Load);

    /// <summary>The paths of the embedded files, relative to wwwroot/, with forward slashes.</summary>
    public static IEnumerable<string> Paths => Files.Value.Keys;

    /// <summary>Serves one embedded file, or 404 when no file has that path.</summary>
    /// <param name="path">The path under the site's root, for example <c>js/main.js</c>; empty for the page itself.</param>
    /// <returns>The file's bytes with its content type, or not found.</returns>
    public static IResult Serve(string? path)
    {
        var name = string.IsNullOrEmpty(path) ? "index.html" : path;
        if (!Files.Value.TryGetValue(name, out var bytes) || !ContentTypes.TryGetValue(Path.GetExtension(name), out var type))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Bytes(bytes, type);
    }

    private static FrozenDictionary<string, byte[]> Load()
    {
        var assembly = typeof(PageFiles).Assembly;
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files.Add(resource[Prefix.Length..].Replace('\\', '/'), copy.ToArray());
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
