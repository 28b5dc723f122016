using System.Runtime.CompilerServices;

namespace MiniTorch;

/// <summary>
/// Two doubles stored inline: a scalar's saved values, and the buffers of the forward and backward passes for
/// functions of up to two inputs (every built-in one), so that neither needs an array or <c>stackalloc</c>.
/// </summary>
[InlineArray(2)]
internal struct DoublePair
{
    private double _element;
}
