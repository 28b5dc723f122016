using System.Globalization;

namespace MiniTorch.Tests;

/// <summary>samples/Tape: a recorded tape replays f and its gradient at new inputs, the same as Backward, and Verify names a frozen branch.</summary>
[Trait("Task", "1.4")]
public sealed class TapeSampleTests
{
    [Fact]
    public void Each_replay_equals_backward_and_verify_finds_the_branch()
    {
        var lines = SampleProgram.Run("Tape");

        Assert.Equal(4, lines.Length);
        var (x, w) = (2.0, 0.75);
        var s = 1 / (1 + Math.Exp(-x * w));
        var ds = s * (1 - s) / (s + 1e-6);   // MiniTorch's log is ln(a + 1e-6)
        var expected = string.Create(
            CultureInfo.CurrentCulture,
            $"f({x}, {w}) = {Math.Log(s + 1e-6) + (w * w):F6}, df/dx = {ds * w:F6}, df/dw = {(ds * x) + (2 * w):F6}, same as Backward: True");
        Assert.Equal(expected, lines[0]);
        Assert.All(lines[..3], line => Assert.EndsWith("same as Backward: True", line, StringComparison.Ordinal));
        Assert.StartsWith("Verify: At these inputs the function computes something other than the recording", lines[3], StringComparison.Ordinal);
    }
}
