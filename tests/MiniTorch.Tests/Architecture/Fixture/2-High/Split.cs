namespace MiniTorch.Tests.LayerFixture;

// The part of Split in layer 2.
public static partial class Split
{
    public static int InLayerTwo() => 2;
}
