namespace MiniTorch.Tests.LayerFixture;

// A type split across the fixture's two layers, which the checker must report.
public static partial class Split
{
    public static int InLayerOne() => 1;
}
