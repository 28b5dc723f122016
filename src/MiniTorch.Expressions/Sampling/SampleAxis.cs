using System.Globalization;

namespace MiniTorch.Expressions;

/// <summary>
/// Where <see cref="FunctionSampling"/> samples one variable: <see cref="Count"/> evenly spaced values from
/// <see cref="From"/> to <see cref="To"/>, both ends included.
/// </summary>
public sealed class SampleAxis
{
    /// <summary>The fewest values an axis holds: 2, its two ends.</summary>
    public const int MinCount = 2;

    /// <summary>Checks and stores the axis.</summary>
    /// <param name="variable">The variable's name as the expression writes it, for example <c>x</c>.</param>
    /// <param name="from">The first value, finite.</param>
    /// <param name="to">The last value, finite and larger than <paramref name="from"/>.</param>
    /// <param name="count">How many values, from <see cref="MinCount"/> to <see cref="FunctionSampling.MaxPoints"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="variable"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The interval is not finite with from &lt; to, or the count is out of range.</exception>
    public SampleAxis(string variable, double from, double to, int count)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(variable);
        if (!double.IsFinite(from) || !double.IsFinite(to) || !(from < to))
        {
            throw new ArgumentOutOfRangeException(
                nameof(to), string.Create(CultureInfo.InvariantCulture, $"The interval [{from}, {to}] must be finite with from < to."));
        }

        if (count is < MinCount or > FunctionSampling.MaxPoints)
        {
            throw new ArgumentOutOfRangeException(
                nameof(count), count, $"The number of points must be between {MinCount} and {FunctionSampling.MaxPoints}.");
        }

        Variable = variable;
        From = from;
        To = to;
        Count = count;
    }

    /// <summary>The variable's name.</summary>
    public string Variable { get; }

    /// <summary>The first value.</summary>
    public double From { get; }

    /// <summary>The last value.</summary>
    public double To { get; }

    /// <summary>How many values.</summary>
    public int Count { get; }

    /// <summary>The value at <paramref name="index"/>: From + (To − From) · index / (Count − 1), and exactly To at the end.</summary>
    /// <param name="index">From 0 to Count − 1.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the axis.</exception>
    public double At(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return index == Count - 1 ? To : From + ((To - From) * index / (Count - 1));
    }
}
