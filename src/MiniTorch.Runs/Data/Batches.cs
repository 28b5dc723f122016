namespace MiniTorch.Runs;

/// <summary>
/// The batches of an epoch: MiniTorch takes one step per epoch over every point; with a batch size B below N, the
/// points are put in a random order once per run (as TensorFlow Playground shuffles its points once) and each epoch
/// takes a step after each B of them in that order, the last batch holding what is left.
/// </summary>
public static class Batches
{
    /// <summary>Cuts <paramref name="data"/> into batches.</summary>
    /// <param name="data">The training points.</param>
    /// <param name="size">B, at least 1; <see langword="null"/>, or N and above, gives MiniTorch's one batch.</param>
    /// <param name="seed">The run's seed (the order has a stream of its own, see <see cref="RunStreams"/>).</param>
    /// <returns>The batches, in the order an epoch runs them: <paramref name="data"/> itself for one batch.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The size is below 1.</exception>
    public static IReadOnlyList<Dataset> Of(Dataset data, int? size, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (size is not { } batch || batch >= data.Count)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(size ?? 1, 1, nameof(size));
            return [data];
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1, nameof(size));
        var order = RunStreams.Permutation(data.Count, RunStreams.Batches(seed));
        var batches = new List<Dataset>();
        for (var start = 0; start < order.Length; start += batch)
        {
            var indices = order[start..Math.Min(start + batch, order.Length)];
            batches.Add(new Dataset(data.Name, indices.Select(k => data.Points[k]), indices.Select(k => data.Labels[k])));
        }

        return batches;
    }
}
