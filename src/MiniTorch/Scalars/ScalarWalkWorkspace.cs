using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace MiniTorch;

/// <summary>
/// What one backward walk (<see cref="ScalarBackpropagation"/>) keeps: the computed scalars waiting for their turn,
/// each with the derivative sent to it so far, handed out newest first; and the leaves reached. Kept between walks on a
/// thread so that its storage is reused.
/// </summary>
/// <remarks>
/// <para>
/// The waiting scalars sit in a <em>window</em>: slot k holds the scalar whose id is k below the newest id of the
/// window, and the sum of what it received. Every scalar is newer than its inputs, so a scalar only ever sends to slots
/// after the one being taken, and taking slots in order hands the scalars out newest first in linear time, with no sort
/// and no hashing. A slot also says whether its scalar is already waiting, so nothing is queued twice.
/// </para>
/// <para>
/// The ids of one graph are usually nearly consecutive, so the window stays about as large as the graph. A scalar
/// too far below the window (a piece of the graph built much earlier) waits in a heap instead, one entry per
/// contribution, in the order they were sent; when the window runs empty it moves down to the newest scalar in the
/// heap, and the contributions are added to their slots in that order, so every sum is added up in sending order.
/// </para>
/// </remarks>
internal sealed class ScalarWalkWorkspace
{
    private readonly PriorityQueue<(Scalar Node, double Share), (long NewestFirst, long Sent)> _far = new();
    private readonly List<Scalar> _leaves = [];
    private Slot[] _window = new Slot[256];
    private long _newest;
    private int _next;
    private int _waiting;
    private long _taken;
    private long _sent;

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
    /// Sends <paramref name="share"/> to <paramref name="input"/>: a leaf collects it (and is listed the first time), a
    /// computed scalar gets it added to its slot (and starts waiting the first time).
    /// </summary>
    /// <param name="input">A scalar that a taken scalar was computed from; not a constant (constants take no derivative).</param>
    /// <param name="share">Its share of the derivative.</param>
    public void Reach(Scalar input, double share)
    {
        if (input.IsLeaf)
        {
            if (input.CollectInWalk(share))
            {
                _leaves.Add(input);
            }

            return;
        }

        var slot = _newest - input.UniqueId;
        if (slot < _window.Length)
        {
            Add((int)slot, input, share);
        }
        else if (_far.Count == 0 && slot <= (4 * (_taken + _waiting)) + 1024)
        {
            Array.Resize(ref _window, (int)Math.Max(2L * _window.Length, slot + 1));
            Add((int)slot, input, share);
        }
        else
        {
            _far.Enqueue((input, share), (-input.UniqueId, _sent++));
        }
    }

    /// <summary>Takes the newest waiting computed scalar, whose derivative is then complete.</summary>
    /// <param name="node">The scalar, or <see langword="null"/> when none is left.</param>
    /// <param name="derivative">∂out/∂<paramref name="node"/>: everything sent to it.</param>
    /// <returns>False when every computed scalar has been taken.</returns>
    public bool TryTakeNewest([NotNullWhen(true)] out Scalar? node, out double derivative)
    {
        if (_waiting == 0 && !MoveWindowDown())
        {
            (node, derivative) = (null, 0.0);
            return false;
        }

        while (_window[_next].Node is null)
        {
            _next++;
        }

        ref var slot = ref _window[_next++];
        (node, derivative) = (slot.Node!, slot.Derivative);
        slot = default;
        _waiting--;
        _taken++;
        return true;
    }

    /// <summary>
    /// Forgets the walk (needed after a walk stopped by an exception): empties the slots and the heap, and every leaf
    /// reached forgets what it collected. The lists drop their references to the graph; the storage is kept.
    /// </summary>
    public void Clear()
    {
        for (var i = _next; _waiting > 0; i++)
        {
            if (_window[i].Node is not null)
            {
                _window[i] = default;
                _waiting--;
            }
        }

        _far.Clear();
        _far.TrimExcess();
        foreach (var leaf in _leaves)
        {
            leaf.ForgetWalk();
        }

        _leaves.Clear();
    }

    private void Add(int slot, Scalar node, double share)
    {
        ref var target = ref _window[slot];
        if (target.Node is null)
        {
            target.Node = node;
            _waiting++;
        }

        target.Derivative += share;
    }

    // Called when the window is empty: moves it down so that its first slot is the newest scalar of the heap, and
    // brings every heap entry that now fits into it, in sending order.
    private bool MoveWindowDown()
    {
        if (!_far.TryPeek(out var newest, out _))
        {
            return false;
        }

        _newest = newest.Node.UniqueId;
        _next = 0;
        while (_far.TryPeek(out var entry, out _) && _newest - entry.Node.UniqueId < _window.Length)
        {
            _far.Dequeue();
            Add((int)(_newest - entry.Node.UniqueId), entry.Node, entry.Share);
        }

        return true;
    }

    /// <summary>A place in the window: a waiting scalar and the sum of what was sent to it, or empty.</summary>
    private struct Slot
    {
        public Scalar? Node;

        public double Derivative;
    }
}
