using System.Globalization;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;

namespace MiniTorch.Tests;

/// <summary>
/// Checks a layering rule on a compiled assembly and its portable PDB: the source folders under a root are numbered
/// (1-Operators, 2-Autodiff, …), code in folder N uses only types of folders 1 to N, and each type lives in one
/// folder. A type's files are those the PDB gives for its methods (sequence points) and, for a type without method
/// bodies, for the type itself (TypeDefinitionDocuments); its nested types, compiler-generated ones included, count as
/// part of it. Types without source (the compiler's own) and types outside the root are not placed, and not checked.
/// What a type uses is read from its metadata and IL by <see cref="TypeReferences"/>. To check another assembly the
/// same way, copy or link this folder's FolderLayers.cs, TypeReferences.cs and TypeReferences.Decoding.cs.
/// </summary>
internal sealed partial class FolderLayers
{
    // The kind of custom debug information that lists the documents of a type.
    private static readonly Guid TypeDefinitionDocuments = new("932E74BC-DBA9-4478-8D46-0F32A7BAB3D3");

    private readonly MetadataReader _reader;
    private readonly MetadataReader _pdb;

    // The source root as it appears inside a document's path, e.g. "/src/MiniTorch/", so that a PDB written on a CI
    // machine (paths mapped to "/_/src/MiniTorch/…") is read the same way as a local one.
    private readonly string _root;
    private readonly Dictionary<DocumentHandle, string?> _documentFiles = [];

    // Each placed (outermost) type's files: their paths under the root, e.g. "2-Autodiff/Autodiff.cs".
    private readonly Dictionary<TypeDefinitionHandle, SortedSet<string>> _files = [];
    private readonly string _namespace;

    private FolderLayers(PEReader pe, MetadataReader pdb, string sourceRoot)
    {
        _reader = pe.GetMetadataReader();
        _pdb = pdb;
        _root = "/" + sourceRoot.Replace('\\', '/').Trim('/') + "/";
        PlaceTypes();
        _namespace = CommonNamespace();
        Folders = [.. _files.Values.SelectMany(files => files.Select(FolderOf)).Distinct().Order(FolderOrder)];
        LaterUses = FindLaterUses(new TypeReferences(pe, _reader));
        Misplaced = [.. FindMisplaced().Order(StringComparer.Ordinal)];
    }

    /// <summary>The folders that hold the placed types, by layer.</summary>
    public IReadOnlyList<string> Folders { get; }

    /// <summary>Each use of a later folder, as "2-Autodiff/Autodiff.CentralDifference.cs: Autodiff uses Scalar
    /// (3-Scalars)": the file where the use is (or the user's folder, for a declaration of a type with several
    /// files), the user, and the used type with its folder. Type names are relative to the namespace all placed
    /// types share.</summary>
    public IReadOnlyList<string> LaterUses { get; }

    /// <summary>Each type that lives in more than one folder, or outside the numbered folders, with its files.</summary>
    public IReadOnlyList<string> Misplaced { get; }

    /// <summary>Reads the assembly's file and its portable PDB (beside it or embedded), with the source root given
    /// relative to the repository, e.g. "src/MiniTorch".</summary>
    public static FolderLayers Read(Assembly assembly, string sourceRoot)
    {
        var path = assembly.Location;
        using var pe = new PEReader(File.OpenRead(path));
        if (!pe.TryOpenAssociatedPortablePdb(path, pdb => File.Exists(pdb) ? File.OpenRead(pdb) : null, out var pdbProvider, out _)
            || pdbProvider is null)
        {
            throw new InvalidOperationException($"{path} has no portable PDB, beside it or embedded");
        }

        using (pdbProvider)
        {
            return new FolderLayers(pe, pdbProvider.GetMetadataReader(), sourceRoot);
        }
    }

    private void PlaceTypes()
    {
        foreach (var method in _reader.MethodDefinitions)
        {
            var owner = Outermost(_reader.GetMethodDefinition(method).GetDeclaringType());
            foreach (var (_, file) in Points(method))
            {
                Place(owner, file);
            }
        }

        foreach (var information in _pdb.CustomDebugInformation.Select(_pdb.GetCustomDebugInformation))
        {
            if (information.Parent.Kind == HandleKind.TypeDefinition && _pdb.GetGuid(information.Kind) == TypeDefinitionDocuments)
            {
                // The value is the list of the type's document row numbers, each a compressed integer.
                var documents = _pdb.GetBlobReader(information.Value);
                while (documents.RemainingBytes > 0)
                {
                    var document = MetadataTokens.DocumentHandle(documents.ReadCompressedInteger());
                    Place(Outermost((TypeDefinitionHandle)information.Parent), FileOf(document));
                }
            }
        }
    }

    private void Place(TypeDefinitionHandle type, string? file)
    {
        if (file is null)
        {
            return;
        }

        if (!_files.TryGetValue(type, out var files))
        {
            _files[type] = files = new SortedSet<string>(StringComparer.Ordinal);
        }

        files.Add(file);
    }

    // A use breaks the rule when the user's layer is below the used type's. The user's layer is that of the file
    // where the use is; a declaration (a field, a base type) has no file of its own, and counts from the lowest
    // numbered folder of its type. The used type counts from its highest. (Both matter only for a type split across
    // folders, itself a break of the rule; each reading is the stricter one.) Unnumbered folders are left to Misplaced.
    private List<string> FindLaterUses(TypeReferences references)
    {
        var uses = new List<(TypeDefinitionHandle User, TypeDefinitionHandle Used, string UsedFolder, string Site, bool InFile)>();
        void Check(TypeDefinitionHandle user, TypeDefinitionHandle type, string? file)
        {
            var used = Outermost(type);
            if (used == user || !_files.TryGetValue(used, out var usedFiles))
            {
                return;
            }

            var userFolder = file is null ? NumberedFolders(_files[user]).FirstOrDefault() : FolderOf(file);
            var usedFolder = NumberedFolders(usedFiles).LastOrDefault();
            if (Layer(userFolder) < Layer(usedFolder))
            {
                var folderFiles = _files[user].Where(typeFile => FolderOf(typeFile) == userFolder).ToList();
                var site = file ?? (folderFiles.Count == 1 ? folderFiles[0] : userFolder!);
                uses.Add((user, used, usedFolder!, site, file is not null));
            }
        }

        foreach (var handle in _reader.TypeDefinitions)
        {
            var user = Outermost(handle);
            if (!_files.ContainsKey(user))
            {
                continue;
            }

            foreach (var use in references.InDeclarations(handle))
            {
                Check(user, use.Type, null);
            }

            foreach (var method in _reader.GetTypeDefinition(handle).GetMethods())
            {
                var points = Points(method);
                foreach (var use in references.InMethod(method))
                {
                    Check(user, use.Type, FileAt(points, use.ILOffset));
                }
            }
        }

        // Each pair (user, used) is reported at the files where the uses are; a pair seen only in declarations, at the
        // user's file in its folder (or at the folder, if the type has several files there).
        return [.. uses.GroupBy(use => (use.User, use.Used))
            .SelectMany(pair => pair.Any(use => use.InFile) ? pair.Where(use => use.InFile) : pair)
            .Select(use => $"{use.Site}: {Name(use.User)} uses {Name(use.Used)} ({use.UsedFolder})")
            .Distinct()
            .Order(StringComparer.Ordinal)];
    }

    private IEnumerable<string> FindMisplaced()
    {
        foreach (var (type, files) in _files)
        {
            var folders = files.Select(FolderOf).Distinct().Order(FolderOrder).ToList();
            if (folders.Count > 1)
            {
                yield return $"{Name(type)} lives in {string.Join(" and ", folders)}: {string.Join(", ", files)}";
            }

            var outside = files.Where(file => Layer(FolderOf(file)) is null).ToList();
            if (outside.Count > 0)
            {
                yield return $"{Name(type)} lives outside the numbered folders: {string.Join(", ", outside)}";
            }
        }
    }

    // The sequence points of a method: the IL offset where each begins, and its file (null outside the root).
    private List<(int Offset, string? File)> Points(MethodDefinitionHandle method) =>
        [.. _pdb.GetMethodDebugInformation(method).GetSequencePoints().Select(point => (point.Offset, FileOf(point.Document)))];

    // The file of an IL offset: that of the last sequence point at or before it. A reference outside the instructions
    // (offset −1: the signature, a local's type) is in the method's first file.
    private static string? FileAt(List<(int Offset, string? File)> points, int offset) =>
        points.Count == 0 ? null
        : offset < 0 ? points[0].File
        : points.LastOrDefault(point => point.Offset <= offset, points[0]).File;

    private string? FileOf(DocumentHandle document)
    {
        if (!_documentFiles.TryGetValue(document, out var file))
        {
            var path = "/" + _pdb.GetString(_pdb.GetDocument(document).Name).Replace('\\', '/');
            var at = path.LastIndexOf(_root, StringComparison.Ordinal);
            _documentFiles[document] = file = at < 0 ? null : path[(at + _root.Length)..];
        }

        return file;
    }

    // The first segment of a file's path under the root: "3-Scalars" for "3-Scalars/Fast/DoublePair.cs", "." for a
    // file at the root itself.
    private static string FolderOf(string file)
    {
        var slash = file.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? "." : file[..slash];
    }

    // A folder's layer is the number its name starts with ("3-Scalars" is 3); other folders have none.
    private static int? Layer(string? folder) =>
        folder is not null && LayerNumber().Match(folder) is { Success: true } match
            ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : null;

    private static IComparer<string> FolderOrder { get; } = Comparer<string>.Create(
        (a, b) => (Layer(a) ?? int.MaxValue, a).CompareTo((Layer(b) ?? int.MaxValue, b)));

    // The numbered folders of a type's files, lowest layer first.
    private static List<string> NumberedFolders(SortedSet<string> files) =>
        [.. files.Select(FolderOf).Where(folder => Layer(folder) is not null).Distinct().Order(FolderOrder)];

    private TypeDefinitionHandle Outermost(TypeDefinitionHandle type)
    {
        while (_reader.GetTypeDefinition(type).GetDeclaringType() is { IsNil: false } declaring)
        {
            type = declaring;
        }

        return type;
    }

    // The namespace that all placed types share ("MiniTorch"), left out of the names in the messages.
    private string CommonNamespace() =>
        string.Join('.', _files.Keys
            .Select(type => _reader.GetString(_reader.GetTypeDefinition(type).Namespace).Split('.'))
            .DefaultIfEmpty([])
            .Aggregate((a, b) => [.. a.Zip(b).TakeWhile(pair => pair.First == pair.Second).Select(pair => pair.First)]));

    private string Name(TypeDefinitionHandle handle)
    {
        var type = _reader.GetTypeDefinition(handle);
        var name = _reader.GetString(type.Name);
        var inner = _reader.GetString(type.Namespace)[_namespace.Length..].TrimStart('.');
        return inner.Length == 0 ? name : inner + "." + name;
    }

    [GeneratedRegex(@"^(\d+)-")]
    private static partial Regex LayerNumber();
}
