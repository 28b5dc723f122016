using System.Runtime.InteropServices;

namespace MiniTorch;

/// <summary>
/// The lists one backward walk (<see cref="ScalarBackpropagation"/>) fills: the explicit stack, the computed scalars
/// and the leaves it reached; kept between walks on a thread so that their storage is reused.
/// </summary>
internal sealed class ScalarWalkWorkspace
{
    private readonly List<Scalar> _computed = [];
    private Scalar?[] _table = new Scalar?[64];
    private long[] _keys = new long[64];
    private long _newest = long.MinValue;
    private long _oldest = long.MaxValue;

    /// <summary>The stack of the gathering walk.</summary>
    public Stack<Scalar> Stack { get; } = new();

    /// <summary>The leaves reached, in no particular order.</summary>
    public List<Scalar> Leaves { get; } = [];

    /// <summary>The computed scalars reached; newest first after <see cref="SortComputedNewestFirst"/>.</summary>
    public ReadOnlySpan<Scalar> Computed => CollectionsMarshal.AsSpan(_computed);

    /// <summary>The largest storage held, to decide whether it is worth keeping.</summary>
    public int Capacity => Math.Max(Math.Max(_computed.Capacity, _table.Length), Leaves.Capacity);

    /// <summary>Adds a computed scalar and widens the id range seen.</summary>
    /// <param name="node">A computed scalar not added before in this walk.</param>
    public void AddComputed(Scalar node)
    {
        _computed.Add(node);
        _newest = Math.Max(_newest, node.UniqueId);
        _oldest = Math.Min(_oldest, node.UniqueId);
    }

    /// <summary>
    /// Orders the computed scalars by decreasing id: by placing each at (newest id − its id) in a table when the ids
    /// span at most a few times their number, else by sorting.
    /// </summary>
    public void SortComputedNewestFirst()
    {
        var count = _computed.Count;
        if (count < 2)
        {
            return;
        }

        var span = _newest - _oldest + 1;
        if (span <= (4L * count) + 64)
        {
            PlaceById((int)span);
            return;
        }

        if (_keys.Length < count)
        {
            _keys = new long[count];
        }

        for (var i = 0; i < count; i++)
        {
            _keys[i] = -_computed[i].UniqueId;
        }

        _keys.AsSpan(0, count).Sort(CollectionsMarshal.AsSpan(_computed));
    }

    /// <summary>Empties every list (dropping the references to the graph) and keeps the storage.</summary>
    public void Clear()
    {
        _computed.Clear();
        Leaves.Clear();
        _newest = long.MinValue;
        _oldest = long.MaxValue;
    }

    private void PlaceById(int span)
    {
        if (_table.Length < span)
        {
            _table = new Scalar?[Math.Max(span, _table.Length * 2)];
        }

        foreach (var node in _computed)
        {
            _table[_newest - node.UniqueId] = node;
        }

        var next = 0;
        for (var i = 0; i < span; i++)
        {
            if (_table[i] is { } node)
            {
                _computed[next++] = node;
                _table[i] = null;
            }
        }
    }
}
