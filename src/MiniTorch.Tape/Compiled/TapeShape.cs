namespace MiniTorch;

/// <summary>What the code generator needs to know of a tape besides its steps: where its slots are.</summary>
/// <param name="InputCount">The input slots, 0 to InputCount − 1.</param>
/// <param name="FirstComputed">The first computed slot: the slots from InputCount up to it hold constants.</param>
/// <param name="SlotCount">All the slots.</param>
/// <param name="OutputSlot">The output's slot, whose adjoint a backward sweep starts from.</param>
/// <param name="CustomInputs">The input slots of each user-defined step.</param>
internal sealed record TapeShape(int InputCount, int FirstComputed, int SlotCount, int OutputSlot, int[][] CustomInputs)
{
    /// <summary>Whether <paramref name="slot"/> holds a constant, whose adjoint nobody reads.</summary>
    /// <param name="slot">A slot.</param>
    /// <returns>True for a constant.</returns>
    public bool IsConstant(int slot) => slot >= InputCount && slot < FirstComputed;
}
