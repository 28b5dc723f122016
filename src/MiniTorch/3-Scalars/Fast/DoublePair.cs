using System.Runtime.CompilerServices;

namespace MiniTorch;

/// <summary>
/// Speeds up the forward and backward passes of functions of one or two inputs, whose readable form is a
/// <see cref="Context"/>'s saved values and a span of derivatives.
/// Two doubles stored inline: a scalar's saved values, and the buffers of the forward and backward passes for
/// functions of up to two inputs (every built-in one), so that neither needs an array or <c>stackalloc</c>.
/// </summary>
[InlineArray(2)]
internal struct DoublePair
{
    private double _element;
}
