namespace MiniTorch.Tests.LayerFixture;

// A type in a folder without a number, which the checker must report.
public static class Loose
{
    public static int One() => 1;
}
