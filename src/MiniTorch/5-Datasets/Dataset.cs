using System.Collections.Immutable;

namespace MiniTorch;

/// <summary>
/// A labelled 2-D point set (MiniTorch's <c>Graph</c>): points and their classes, 0 or 1. Immutable.
/// </summary>
public sealed class Dataset
{
    /// <summary>Creates a dataset from points and labels of the same length.</summary>
    /// <param name="name">The dataset's name, for example <c>Xor</c>.</param>
    /// <param name="points">The points.</param>
    /// <param name="labels">The class of each point, 0 or 1, in the same order.</param>
    /// <exception cref="ArgumentException">The lengths differ or a label is neither 0 nor 1.</exception>
    public Dataset(string name, IEnumerable<DataPoint> points, IEnumerable<int> labels)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(labels);
        ImmutableArray<DataPoint> pointArray = [.. points];
        ImmutableArray<int> labelArray = [.. labels];
        if (pointArray.Length != labelArray.Length)
        {
            throw new ArgumentException($"{pointArray.Length} points but {labelArray.Length} labels: each point needs one label.", nameof(labels));
        }

        for (var i = 0; i < labelArray.Length; i++)
        {
            if (labelArray[i] is not (0 or 1))
            {
                throw new ArgumentException($"Label {labelArray[i]} at index {i} is neither 0 nor 1.", nameof(labels));
            }
        }

        Name = name;
        Points = pointArray;
        Labels = labelArray;
    }

    /// <summary>The dataset's name.</summary>
    public string Name { get; }

    /// <summary>The points, in order (an immutable copy of what was given).</summary>
    public IReadOnlyList<DataPoint> Points { get; }

    /// <summary>The class of each point, 0 or 1, in the same order (an immutable copy).</summary>
    public IReadOnlyList<int> Labels { get; }

    /// <summary>The number of points (MiniTorch's <c>N</c>).</summary>
    public int Count => Points.Count;
}
