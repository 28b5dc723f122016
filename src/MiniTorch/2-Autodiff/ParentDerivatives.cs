using System.Collections;

namespace MiniTorch;

/// <summary>
/// What <see cref="IVariable.ChainRule"/> returns: one pair (parent, d · ∂variable/∂parent) per parent, in argument order.
/// A small value type, so that a backward pass allocates nothing for functions of one or two arguments.
/// </summary>
public readonly struct ParentDerivatives : IReadOnlyList<(IVariable Variable, double Derivative)>
{
    private readonly (IVariable Variable, double Derivative) _first;
    private readonly (IVariable Variable, double Derivative) _second;
    private readonly (IVariable Variable, double Derivative)[]? _all;

    /// <summary>Holds the pairs of a function of at most two arguments without allocating.</summary>
    /// <param name="first">The first parent and its derivative, when <paramref name="count"/> is at least 1.</param>
    /// <param name="second">The second parent and its derivative, when <paramref name="count"/> is 2.</param>
    /// <param name="count">0, 1 or 2: how many of the pairs are parents.</param>
    public ParentDerivatives((IVariable, double) first, (IVariable, double) second, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 2);
        _first = first;
        _second = second;
        Count = count;
    }

    /// <summary>Holds any number of pairs.</summary>
    /// <param name="all">The pairs, in argument order; the array is kept, not copied.</param>
    public ParentDerivatives((IVariable Variable, double Derivative)[] all)
    {
        ArgumentNullException.ThrowIfNull(all);
        _all = all;
        Count = all.Length;
    }

    /// <summary>The number of parents.</summary>
    public int Count { get; }

    /// <summary>The parent at <paramref name="index"/> and its share of the derivative.</summary>
    /// <param name="index">The argument position, from 0.</param>
    /// <returns>The pair.</returns>
    public (IVariable Variable, double Derivative) this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return _all?[index] ?? (index == 0 ? _first : _second);
        }
    }

    /// <summary>Enumerates the pairs in argument order.</summary>
    /// <returns>An enumerator.</returns>
    public IEnumerator<(IVariable Variable, double Derivative)> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
