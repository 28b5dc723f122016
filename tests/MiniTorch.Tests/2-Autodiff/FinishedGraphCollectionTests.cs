using System.Runtime.CompilerServices;

namespace MiniTorch.Tests;

/// <summary>Task 1.4 beyond the reference: nothing global keeps a finished graph alive.</summary>
[Trait("Task", "1.4")]
public sealed class FinishedGraphCollectionTests
{
    [Fact]
    public void Intermediate_nodes_are_collectable_after_backward()
    {
        var x = new Scalar(2.0);
        var (output, intermediate) = BuildAndBackpropagate(x);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(output.IsAlive);
        Assert.False(intermediate.IsAlive);
        Assert.Equal(12.0, x.Derivative);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (WeakReference Output, WeakReference Intermediate) BuildAndBackpropagate(Scalar x)
    {
        var square = x * x;
        var output = (square * 3.0) + 1.0;
        output.Backward();
        return (new WeakReference(output), new WeakReference(square));
    }
}
