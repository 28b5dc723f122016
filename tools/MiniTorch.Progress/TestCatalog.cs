using System.Reflection;
using System.Runtime.Loader;

namespace MiniTorch.Progress;

/// <summary>
/// Every test method of the built test assembly with its task, read from the <c>[Trait("Task", …)]</c> attributes of
/// the method or its class: what the run must report on, so that a test without a result is noticed.
/// </summary>
internal sealed class TestCatalog
{
    // Marks the checks that run the learner's property tests against broken operators: [Trait("Kind", "mutant")].
    private const string KindTrait = "Kind";
    private const string MutantKind = "mutant";

    private readonly Dictionary<string, Entry> _byMethod;

    private TestCatalog(Dictionary<string, Entry> byMethod) => _byMethod = byMethod;

    /// <summary>The test methods, by full name (namespace, class and method, as <c>--filter FullyQualifiedName</c> spells it).</summary>
    public IReadOnlyCollection<Entry> Methods => _byMethod.Values;

    /// <summary>Reads the test methods of an assembly.</summary>
    /// <param name="assemblyPath">The built test assembly.</param>
    /// <returns>The catalog.</returns>
    public static TestCatalog Load(string assemblyPath)
    {
        var folder = Path.GetDirectoryName(assemblyPath)!;
        var context = new AssemblyLoadContext(assemblyPath, isCollectible: true);
        context.Resolving += (loader, name) =>
        {
            var candidate = Path.Combine(folder, name.Name + ".dll");
            return File.Exists(candidate) ? loader.LoadFromAssemblyPath(candidate) : null;
        };
        try
        {
            var methods = new Dictionary<string, Entry>(StringComparer.Ordinal);
            foreach (var type in context.LoadFromAssemblyPath(assemblyPath).GetExportedTypes())
            {
                foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
                {
                    if (IsTest(method))
                    {
                        var fullName = type.FullName + "." + method.Name;
                        methods[fullName] = new Entry(
                            fullName,
                            type.FullName!,
                            Trait(method, "Task") ?? Trait(type, "Task") ?? "?",
                            (Trait(method, KindTrait) ?? Trait(type, KindTrait)) == MutantKind,
                            method.MetadataToken);
                    }
                }
            }

            return new TestCatalog(methods);
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>The built test assembly of the course, the newest if several configurations were built.</summary>
    /// <param name="course">The course's root folder.</param>
    /// <returns>Its path.</returns>
    /// <exception cref="InvalidOperationException">The tests have not been built.</exception>
    public static string AssemblyOf(string course) =>
        new DirectoryInfo(Path.Combine(course, "tests", "MiniTorch.Tests", "bin")) is { Exists: true } bin
            && bin.EnumerateFiles("MiniTorch.Tests.dll", SearchOption.AllDirectories).MaxBy(f => f.LastWriteTimeUtc) is { } newest
            ? newest.FullName
            : throw new InvalidOperationException("The tests are not built: run dotnet build first.");

    /// <summary>The test method of that name, or null when the assembly has none.</summary>
    /// <param name="fullName">Namespace, class and method.</param>
    /// <returns>The entry.</returns>
    public Entry? Find(string fullName) => _byMethod.GetValueOrDefault(fullName);

    private static bool IsTest(MethodInfo method) =>
        method.GetCustomAttributesData().Any(a => Derives(a.AttributeType, "Xunit.FactAttribute"));

    // Theory derives from Fact, and so would any other kind of test attribute.
    private static bool Derives(Type? type, string fullName)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (type.FullName == fullName)
            {
                return true;
            }
        }

        return false;
    }

    private static string? Trait(MemberInfo member, string name) =>
        member.GetCustomAttributesData()
            .Where(a => a.AttributeType.FullName == "Xunit.TraitAttribute"
                && a.ConstructorArguments.Count == 2
                && (string?)a.ConstructorArguments[0].Value == name)
            .Select(a => (string?)a.ConstructorArguments[1].Value)
            .FirstOrDefault();

    /// <summary>One test method.</summary>
    /// <param name="FullName">Namespace, class and method.</param>
    /// <param name="ClassName">Namespace and class.</param>
    /// <param name="Task">Its task.</param>
    /// <param name="IsMutantCheck">True for a check against a broken operator.</param>
    /// <param name="Order">Its metadata token, which follows the order the methods are written in.</param>
    public sealed record Entry(string FullName, string ClassName, string Task, bool IsMutantCheck, int Order);
}
