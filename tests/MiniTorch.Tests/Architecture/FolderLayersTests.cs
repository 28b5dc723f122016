using System.Globalization;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using MiniTorch.Tests.LayerFixture;

namespace MiniTorch.Tests;

/// <summary>
/// The layering checker can fail: on the fixture compiled into this test assembly (Fixture/1-Low, 2-High, Shared) it
/// finds each way that code uses a type, in the file where the use is, and each type that lives in the wrong place.
/// </summary>
[Trait("Task", "architecture")]
public sealed class FolderLayersTests
{
    private static readonly FolderLayers Fixture =
        FolderLayers.Read(typeof(Low).Assembly, "tests/MiniTorch.Tests/Architecture/Fixture");

    // Each fixture type of layer 1, the type of layer 2 it uses, and the file of the use.
    public static TheoryData<string, string, string> Uses => new()
    {
        { "ViaBaseType", "HighBase", "Uses.cs" },
        { "ViaInterface", "IHigh", "Uses.cs" },
        { "ViaConstraint`1", "IHigh", "Uses.cs" },
        { "ViaAttributeType", "MarkAttribute", "Uses.cs" },
        { "ViaTypeofArgument", "High", "Uses.cs" },
        { "ViaField", "High", "Uses.cs" },
        { "ViaSignature", "High", "Uses.cs" },
        { "ViaNewObject", "High", "Uses.cs" },
        { "ViaGenericArgument", "High", "Uses.cs" },
        { "ViaGenericType", "HighBox`1", "Uses.cs" },
        { "ViaGenericMethod", "High", "Uses.cs" },
        { "ViaStaticField", "High", "Uses.cs" },
        { "ViaTypeof", "High", "Uses.cs" },
        { "ViaCast", "High", "Uses.cs" },
        { "ViaCatch", "HighException", "Uses.cs" },
        { "ViaLambda", "High", "Uses.cs" },
        { "ViaMethodGroup", "High", "Uses.cs" },
        { "ViaNewObjectAfterOperands", "High", "Uses.cs" },
        { "ViaOtherFile", "High", "Uses.Part.cs" },
    };

    [Theory]
    [MemberData(nameof(Uses))]
    public void The_checker_finds_each_way_of_using_a_later_folder(string user, string used, string file) =>
        Assert.Contains(Line(user, used, file), Fixture.LaterUses);

    [Fact]
    public void The_checker_finds_no_other_use_of_a_later_folder()
    {
        var expected = Uses.Select(row => Line((string)row[0], (string)row[1], (string)row[2])).Order(StringComparer.Ordinal);

        Assert.Equal(expected, Fixture.LaterUses);
    }

    [Fact]
    public void The_checker_finds_a_type_split_across_folders_and_one_outside_the_numbered_folders() =>
        Assert.Equal(
            [
                "Loose lives outside the numbered folders: Shared/Loose.cs",
                "Split lives in 1-Low and 2-High: 1-Low/Split.cs, 2-High/Split.cs",
            ],
            Fixture.Misplaced);

    [Fact]
    public void The_checker_places_the_types_in_the_fixtures_folders() =>
        Assert.Equal(["1-Low", "2-High", "Shared"], Fixture.Folders);

    // The compiler's PDB says where statements begin: each is where an instruction begins, so an IL reader that read
    // an operand one byte too long or too short would miss them, and read the bytes that follow as instructions.
    [Theory]
    [InlineData(typeof(Scalar))]
    [InlineData(typeof(FolderLayersTests))]
    public void The_IL_reader_steps_onto_every_statement_of_an_assembly(Type inAssembly)
    {
        var path = inAssembly.Assembly.Location;
        using var pe = new PEReader(File.OpenRead(path));
        Assert.True(pe.TryOpenAssociatedPortablePdb(path, File.OpenRead, out var pdbProvider, out _));
        using (pdbProvider)
        {
            var (reader, pdb) = (pe.GetMetadataReader(), pdbProvider!.GetMetadataReader());
            var missed = new List<string>();
            foreach (var handle in reader.MethodDefinitions)
            {
                var method = reader.GetMethodDefinition(handle);
                var offsets = method.RelativeVirtualAddress == 0 ? []
                    : TypeReferences.Instructions(pe.GetMethodBody(method.RelativeVirtualAddress)).Select(i => i.Offset).ToHashSet();
                missed.AddRange(pdb.GetMethodDebugInformation(handle).GetSequencePoints()
                    .Where(point => !offsets.Contains(point.Offset))
                    .Select(point => string.Create(CultureInfo.InvariantCulture, $"{reader.GetString(method.Name)} at IL_{point.Offset:x4}")));
            }

            Assert.Empty(missed);
        }
    }

    private static string Line(string user, string used, string file) => $"1-Low/{file}: {user} uses {used} (2-High)";
}
