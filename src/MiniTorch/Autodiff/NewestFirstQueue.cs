namespace MiniTorch;

/// <summary>
/// The work list of the graph walks: variables waiting to be visited, newest (largest <see cref="IVariable.UniqueId"/>)
/// first, each with the derivative contributions sent to it.
/// </summary>
/// <remarks>
/// Every variable is newer than its parents, so once a variable comes out of the queue every variable that uses it has
/// already come out and sent its contribution: the pop order is a topological order, found without recursion, hashing
/// or visited marks. Copies of one variable leave the queue one after another and are merged into a single visit.
/// Ties are broken by the id of the sender (newest first) and then by argument position, so contributions are always
/// added in the same order: the reverse of the order in which the operations were recorded.
/// </remarks>
internal sealed class NewestFirstQueue
{
    // One spare queue per thread, so that a backward pass reuses the storage of the previous one instead of growing a
    // new heap every time. Per thread, so graphs on different threads never share it.
    [ThreadStatic]
    private static NewestFirstQueue? s_spareQueue;

    private readonly PriorityQueue<(IVariable Variable, double Derivative), Key> _queue = new();

    /// <summary>Takes this thread's spare queue (empty), or a new one when it is in use, for example by a nested walk.</summary>
    /// <returns>An empty queue; hand it back with <see cref="Return"/>.</returns>
    public static NewestFirstQueue Rent()
    {
        var queue = s_spareQueue ?? new NewestFirstQueue();
        s_spareQueue = null;
        return queue;
    }

    /// <summary>Empties the queue (dropping its references to the graph) and keeps it as this thread's spare.</summary>
    /// <param name="queue">A queue from <see cref="Rent"/>.</param>
    public static void Return(NewestFirstQueue queue)
    {
        queue._queue.Clear();
        s_spareQueue = queue;
    }

    /// <summary>Queues a visit of <paramref name="variable"/> with one derivative contribution.</summary>
    /// <param name="variable">The variable to visit.</param>
    /// <param name="senderId">The id of the variable that sends the contribution (<see cref="long.MaxValue"/> for the root).</param>
    /// <param name="argument">Which argument of the sender <paramref name="variable"/> is.</param>
    /// <param name="derivative">The contribution to ∂out/∂variable.</param>
    public void Push(IVariable variable, long senderId, int argument, double derivative) =>
        _queue.Enqueue((variable, derivative), new Key(variable.UniqueId, senderId, argument));

    /// <summary>Takes the newest waiting variable and the sum of all the contributions sent to it.</summary>
    /// <param name="variable">The variable to visit now.</param>
    /// <param name="derivative">The sum of its contributions, added in sender order starting from 0.</param>
    /// <returns>False when the walk is over.</returns>
    public bool TryPop(out IVariable variable, out double derivative)
    {
        derivative = 0.0;
        if (!_queue.TryDequeue(out var first, out var key))
        {
            variable = null!;
            return false;
        }

        variable = first.Variable;
        derivative += first.Derivative;
        while (_queue.TryPeek(out var next, out var nextKey) && nextKey.Id == key.Id)
        {
            _queue.Dequeue();
            derivative += next.Derivative;
        }

        return true;
    }

    /// <summary>The queue order: newer id first, then newer sender, then lower argument position.</summary>
    private readonly record struct Key(long Id, long SenderId, int Argument) : IComparable<Key>
    {
        // PriorityQueue takes the smallest key first, so "smaller" here means "to be visited sooner".
        public int CompareTo(Key other)
        {
            var byId = other.Id.CompareTo(Id);
            if (byId != 0)
            {
                return byId;
            }

            var bySender = other.SenderId.CompareTo(SenderId);
            return bySender != 0 ? bySender : Argument.CompareTo(other.Argument);
        }
    }
}
