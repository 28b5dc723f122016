using System.Reflection;
using MiniTorch.Expressions;
using PublicApiGenerator;

namespace MiniTorch.Tests;

/// <summary>
/// The public API of each package is the checked-in snapshot beside this file, so that a change to it is seen in review
/// and recorded in CHANGELOG.md.
/// </summary>
[Trait("Task", "api")]
public sealed class PublicApiTests
{
    public static TheoryData<string> Assemblies => ["MiniTorch", "MiniTorch.Tape", "MiniTorch.Expressions"];

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void The_public_API_is_the_approved_snapshot(string assemblyName)
    {
        var assembly = assemblyName switch
        {
            "MiniTorch" => typeof(Scalar).Assembly,
            "MiniTorch.Tape" => typeof(Tape).Assembly,
            "MiniTorch.Expressions" => typeof(Expression).Assembly,
            _ => throw new ArgumentOutOfRangeException(nameof(assemblyName), assemblyName, "not a packaged assembly"),
        };
        var folder = Path.Combine(RepositoryFiles.Root, "tests", "MiniTorch.Cli.Tests", "PublicApi");
        var approvedPath = Path.Combine(folder, assemblyName + ".approved.txt");
        var receivedPath = Path.Combine(folder, assemblyName + ".received.txt");

        var received = Generate(assembly);
        var approved = File.Exists(approvedPath) ? Normalise(File.ReadAllText(approvedPath)) : "";

        if (received == approved)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received);
        Assert.Fail(
            $"The public API of {assemblyName} differs from {approvedPath}. The API found is in {receivedPath}. "
            + $"If the change is intended, accept it with `mv {receivedPath} {approvedPath}` and note it in CHANGELOG.md.");
    }

    // Assembly attributes are left out: they name the test assembly (InternalsVisibleTo) rather than the API.
    private static string Generate(Assembly assembly) =>
        Normalise(assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false }));

    private static string Normalise(string text) => text.ReplaceLineEndings("\n").TrimEnd() + "\n";
}
