namespace MiniTorch.Tests.LayerFixture;

// The part of ViaOtherFile whose field initialiser uses layer 2, so that the checker names this file.
public sealed partial class ViaOtherFile
{
    internal readonly object Above = new High();
}
