using System.Diagnostics.CodeAnalysis;
using System.Numerics;

namespace MiniTorch;

/// <summary>
/// Speeds up the bookkeeping of <see cref="ScalarBackpropagation"/>, which in the readable
/// <see cref="Autodiff.Backpropagate"/> is a sort and a dictionary of derivatives.
/// What one backward walk (<see cref="ScalarBackpropagation"/>) keeps: the computed scalars waiting for their turn,
/// each with the derivative sent to it so far, handed out newest first; and the leaves reached. Kept between walks on a
/// thread so that its storage is reused.
/// </summary>
/// <remarks>
/// <para>
/// The waiting scalars sit in a <em>window</em>: slot k belongs to the scalar whose id is k below the newest id of the
/// window, and holds it with the sum of what it received. Every scalar is newer than its inputs, so a scalar only ever
/// sends to slots after the one being taken, and taking slots in order hands the scalars out newest first in linear
/// time, with no sort and no hashing. A slot also says whether its scalar is already waiting, so nothing is queued
/// twice. Only the slots from the one being taken to the farthest one waiting are stored, in a ring (slot k at
/// position k mod its length), so a long chain needs a few slots, not one per scalar.
/// </para>
/// <para>
/// The ids of one graph are usually nearly consecutive, so the ring stays small. A scalar too far below the window (a
/// piece of the graph built much earlier) waits in a heap instead, one entry per contribution, in the order they were
/// sent; when the window runs empty it moves down to the newest scalar in the heap, and the contributions are added to
/// their slots in that order, so every sum is added up in sending order.
/// </para>
/// </remarks>
internal sealed class ScalarWalkWorkspace
{
    private readonly PriorityQueue<(Scalar Node, double Share), (long NewestFirst, long Sent)> _far = new();
    private readonly List<Scalar> _leaves = [];
    private Slot[] _ring = new Slot[256];
    private long _newest;
    private long _next;
    private long _farFrom;
    private int _waiting;
    private long _taken;
    private long _sent;

    /// <summary>The largest storage held, to decide whether it is worth keeping.</summary>
    public int Capacity => Math.Max(_ring.Length, _leaves.Capacity);

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

        // While the heap holds scalars, the slots from _farFrom on belong to it, so that every contribution to one
        // scalar goes to the same place even after the ring has moved on far enough to hold it.
        var slot = _newest - input.UniqueId;
        var reach = slot - _next + 1;
        if (_far.Count > 0 ? slot < _farFrom : reach <= _ring.Length)
        {
            Add(slot, input, share);
        }
        else if (_far.Count == 0 && reach <= (4 * (_taken + _waiting)) + 1024)
        {
            Widen(reach);
            Add(slot, input, share);
        }
        else
        {
            _farFrom = _far.Count == 0 ? _next + _ring.Length : _farFrom;
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

        var mask = _ring.Length - 1;
        while (_ring[(int)(_next & mask)].Node is null)
        {
            _next++;
        }

        ref var slot = ref _ring[(int)(_next++ & mask)];
        (node, derivative) = (slot.Node!, slot.Derivative);
        slot = default;
        _waiting--;
        _taken++;
        return true;
    }

    /// <summary>
    /// Ends a finished walk: each leaf reached adds what it collected to its derivative and forgets it; the list of
    /// leaves is emptied.
    /// </summary>
    public void FinishLeaves()
    {
        foreach (var leaf in _leaves)
        {
            leaf.EndWalk(finished: true);
        }

        _leaves.Clear();
    }

    /// <summary>
    /// Forgets the walk (needed after a walk stopped by an exception): empties the slots and the heap, and every leaf
    /// reached forgets what it collected. The lists drop their references to the graph; the storage is kept.
    /// </summary>
    public void Clear()
    {
        for (var i = 0; _waiting > 0; i++)
        {
            if (_ring[i].Node is not null)
            {
                _ring[i] = default;
                _waiting--;
            }
        }

        _far.Clear();
        _far.TrimExcess();
        foreach (var leaf in _leaves)
        {
            leaf.EndWalk(finished: false);
        }

        _leaves.Clear();
    }

    private void Add(long slot, Scalar node, double share)
    {
        ref var target = ref _ring[(int)(slot & (_ring.Length - 1))];
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
        while (_far.TryPeek(out var entry, out _) && _newest - entry.Node.UniqueId < _ring.Length)
        {
            _far.Dequeue();
            Add(_newest - entry.Node.UniqueId, entry.Node, entry.Share);
        }

        _farFrom = _ring.Length;
        return true;
    }

    // Makes the ring long enough to hold `reach` slots from the next one to be taken (a power of two, at least double),
    // moving every waiting scalar to its position in the new ring.
    private void Widen(long reach)
    {
        var old = _ring;
        _ring = new Slot[(int)Math.Max(2L * old.Length, (long)BitOperations.RoundUpToPowerOf2((ulong)reach))];
        foreach (var slot in old)
        {
            if (slot.Node is { } node)
            {
                _ring[(int)((_newest - node.UniqueId) & (_ring.Length - 1))] = slot;
            }
        }
    }

    /// <summary>A place in the ring: a waiting scalar and the sum of what was sent to it, or empty.</summary>
    private struct Slot
    {
        public Scalar? Node;

        public double Derivative;
    }
}
