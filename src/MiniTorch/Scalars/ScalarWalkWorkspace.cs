using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace MiniTorch;

/// <summary>
/// What one backward walk (<see cref="ScalarBackpropagation"/>) keeps: the computed scalars waiting for their turn,
/// handed out newest first, and the leaves reached. Kept between walks on a thread so that its storage is reused.
/// </summary>
/// <remarks>
/// <para>
/// The waiting scalars sit in a <em>window</em>: slot k holds the scalar whose id is k below the newest id of the
/// window. Every scalar is newer than its inputs, so a scalar only ever sends to slots after the one being taken, and
/// taking slots in order hands the scalars out newest first in linear time, with no sort and no hashing. A slot also
/// says whether its scalar is already waiting, so nothing is queued twice.
/// </para>
/// <para>
/// The ids of one graph are usually nearly consecutive, so the window stays about as large as the graph. A scalar
/// too far below the window (a piece of the graph built much earlier) waits in a heap instead; when the window runs
/// empty it moves down to the newest scalar in the heap.
/// </para>
/// </remarks>
internal sealed class ScalarWalkWorkspace
{
    private readonly PriorityQueue<Scalar, long> _far = new();
    private readonly List<Scalar> _leaves = [];
    private Scalar?[] _window = new Scalar?[256];
    private long _newest;
    private int _next;
    private int _waiting;
    private long _taken;

    /// <summary>The leaves reached so far, in no particular order.</summary>
    public ReadOnlySpan<Scalar> Leaves => CollectionsMarshal.AsSpan(_leaves);

    /// <summary>The largest storage held, to decide whether it is worth keeping.</summary>
    public int Capacity => Math.Max(_window.Length, _leaves.Capacity);

    /// <summary>Starts a walk from <paramref name="output"/>, the newest scalar of its graph.</summary>
    /// <param name="output">The scalar being differentiated; not a constant.</param>
    /// <param name="dOutput">The derivative it starts with.</param>
    public void Start(Scalar output, double dOutput)
    {
        _newest = output.UniqueId;
        _next = 0;
        _taken = 0;
        Reach(output, dOutput);
    }

    /// <summary>
    /// Adds <paramref name="share"/> to the pending derivative of <paramref name="input"/>, and lists it the first time
    /// it is reached.
    /// </summary>
    /// <param name="input">A scalar that a taken scalar was computed from; not a constant (constants take no derivative).</param>
    /// <param name="share">Its share of the derivative.</param>
    public void Reach(Scalar input, double share)
    {
        input.PendingDerivative += share;
        if (input.IsLeaf)
        {
            if (!input.ReachedInWalk)
            {
                input.ReachedInWalk = true;
                _leaves.Add(input);
            }

            return;
        }

        var slot = _newest - input.UniqueId;
        if (slot < _window.Length)
        {
            Occupy((int)slot, input);
        }
        else if (_far.Count == 0 && slot <= (4 * (_taken + _waiting)) + 1024)
        {
            Array.Resize(ref _window, (int)Math.Max(2L * _window.Length, slot + 1));
            Occupy((int)slot, input);
        }
        else
        {
            _far.Enqueue(input, -input.UniqueId);
        }
    }

    /// <summary>Takes the newest waiting computed scalar; its pending derivative is then complete.</summary>
    /// <param name="node">The scalar, or <see langword="null"/> when none is left.</param>
    /// <returns>False when every computed scalar has been taken.</returns>
    public bool TryTakeNewest([NotNullWhen(true)] out Scalar? node)
    {
        if (_waiting == 0 && !MoveWindowDown())
        {
            node = null;
            return false;
        }

        while (_window[_next] is null)
        {
            _next++;
        }

        node = _window[_next]!;
        _window[_next++] = null;
        _waiting--;
        _taken++;
        return true;
    }

    /// <summary>
    /// Forgets the walk: every scalar still listed gets its pending derivative back to 0 (as after a finished walk)
    /// and the lists are emptied, dropping their references to the graph. The storage is kept.
    /// </summary>
    public void Clear()
    {
        for (var i = _next; _waiting > 0; i++)
        {
            if (_window[i] is { } node)
            {
                node.PendingDerivative = 0.0;
                _window[i] = null;
                _waiting--;
            }
        }

        while (_far.TryDequeue(out var node, out _))
        {
            node.PendingDerivative = 0.0;
        }

        _far.TrimExcess();

        foreach (var leaf in _leaves)
        {
            leaf.PendingDerivative = 0.0;
            leaf.ReachedInWalk = false;
        }

        _leaves.Clear();
    }

    private void Occupy(int slot, Scalar node)
    {
        if (_window[slot] is null)
        {
            _window[slot] = node;
            _waiting++;
        }
    }

    // Called when the window is empty: moves it down so that its first slot is the newest scalar of the heap, and
    // brings every heap entry that now fits into it (duplicates leave the heap together and fill one slot).
    private bool MoveWindowDown()
    {
        if (!_far.TryPeek(out var newest, out _))
        {
            return false;
        }

        _newest = newest.UniqueId;
        _next = 0;
        while (_far.TryPeek(out var node, out _) && _newest - node.UniqueId < _window.Length)
        {
            _far.Dequeue();
            Occupy((int)(_newest - node.UniqueId), node);
        }

        return true;
    }
}
