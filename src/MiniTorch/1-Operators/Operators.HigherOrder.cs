namespace MiniTorch;

public static partial class Operators
{
    // course: task 0.3
    /// <summary>Lifts a one-argument function to sequences: map(f)([x₁, …, xₙ]) = [f(x₁), …, f(xₙ)].</summary>
    /// <param name="fn">The function applied to every element.</param>
    /// <returns>A function that returns a new array and leaves its argument unchanged.</returns>
    public static Func<IEnumerable<double>, double[]> Map(Func<double, double> fn)
    {
        ArgumentNullException.ThrowIfNull(fn);
        return xs =>
        {
            ArgumentNullException.ThrowIfNull(xs);
            return [.. xs.Select(fn)];
        };
    }

    /// <summary>Lifts a two-argument function to pairs of sequences: zipWith(f)(xs, ys) = [f(x₁, y₁), …, f(xₙ, yₙ)].</summary>
    /// <param name="fn">The function applied to every pair.</param>
    /// <returns>
    /// A function that returns a new array. Unlike MiniTorch, which silently stops at the shorter list, it throws an
    /// <see cref="ArgumentException"/> naming both lengths when the sequences differ in length.
    /// </returns>
    public static Func<IEnumerable<double>, IEnumerable<double>, double[]> ZipWith(Func<double, double, double> fn)
    {
        ArgumentNullException.ThrowIfNull(fn);
        return (xs, ys) =>
        {
            ArgumentNullException.ThrowIfNull(xs);
            ArgumentNullException.ThrowIfNull(ys);
            double[] left = [.. xs];
            double[] right = [.. ys];
            if (left.Length != right.Length)
            {
                throw new ArgumentException(
                    $"ZipWith needs sequences of the same length, but got {left.Length} and {right.Length} elements.",
                    nameof(ys));
            }

            var result = new double[left.Length];
            for (var i = 0; i < left.Length; i++)
            {
                result[i] = fn(left[i], right[i]);
            }

            return result;
        };
    }

    /// <summary>
    /// Lifts a two-argument function to a left fold: reduce(f, s)([x₁, …, xₙ]) = f(…f(f(s, x₁), x₂)…, xₙ).
    /// </summary>
    /// <param name="fn">The combining function, called with the running value first.</param>
    /// <param name="start">The value returned for an empty sequence, and the first running value.</param>
    /// <returns>A function from a sequence to the folded value.</returns>
    public static Func<IEnumerable<double>, double> Reduce(Func<double, double, double> fn, double start)
    {
        ArgumentNullException.ThrowIfNull(fn);
        return xs =>
        {
            ArgumentNullException.ThrowIfNull(xs);
            var acc = start;
            foreach (var x in xs)
            {
                acc = fn(acc, x);
            }

            return acc;
        };
    }
    // course: end
}
