namespace MiniTorch;

/// <summary>
/// Changing a leaf's value where it is, for <see cref="Sgd.StepInPlace"/>: the update that allocates nothing. The
/// readable update, MiniTorch's, replaces the leaf with a new one (<see cref="Sgd.Step"/>).
/// </summary>
public sealed partial class Scalar
{
    /// <summary>Gives this leaf a new value and forgets its derivative, as a new leaf would start.</summary>
    /// <param name="data">The new value.</param>
    /// <exception cref="InvalidOperationException">This scalar is not a leaf: a computed value or a constant never changes.</exception>
    internal void MoveLeafTo(double data)
    {
        if (!IsLeaf)
        {
            throw new InvalidOperationException($"Only a leaf scalar's value can change, but scalar {Name} is {(IsConstant ? "a constant" : "computed")}.");
        }

        Data = data;
        ClearDerivative();
    }
}
