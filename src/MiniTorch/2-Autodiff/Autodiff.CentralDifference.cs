namespace MiniTorch;

public static partial class Autodiff
{
    // course: task 1.1
    /// <summary>
    /// Estimates ∂f/∂xᵢ numerically (Task 1.1): (f(…, xᵢ + ε, …) − f(…, xᵢ − ε, …)) / 2ε.
    /// </summary>
    /// <param name="f">The function to differentiate.</param>
    /// <param name="values">The point x at which to differentiate; not modified.</param>
    /// <param name="arg">The index i of the argument to move.</param>
    /// <param name="epsilon">The step ε; the error shrinks like ε² until rounding error (about 10⁻¹⁶/ε) takes over.</param>
    /// <returns>The estimate; NaN or ±∞ when f is not finite near x.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="arg"/> is not an index of <paramref name="values"/>.</exception>
    public static double CentralDifference(Func<double[], double> f, double[] values, int arg = 0, double epsilon = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegative(arg);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(arg, values.Length);

        var shifted = (double[])values.Clone();
        shifted[arg] = values[arg] + epsilon;
        var above = f(shifted);
        shifted[arg] = values[arg] - epsilon;
        var below = f(shifted);
        return (above - below) / (2.0 * epsilon);
    }
    // course: end

    /// <summary>
    /// Central difference for a function of scalars (Task 1.1): evaluates <paramref name="f"/> on fresh scalars with
    /// argument <paramref name="arg"/> moved by ±ε and returns (f₊ − f₋) / 2ε of the data.
    /// </summary>
    /// <param name="f">The function; it must not keep the scalars it is given.</param>
    /// <param name="values">The point; only the data is read, the scalars are not changed.</param>
    /// <param name="arg">The index of the argument to move.</param>
    /// <param name="epsilon">The step ε.</param>
    /// <returns>The numerical estimate of ∂f/∂x_arg.</returns>
    public static double CentralDifference(Func<Scalar[], Scalar> f, Scalar[] values, int arg = 0, double epsilon = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(values);
        var data = Array.ConvertAll(values, v => v.Data);
        return CentralDifference(x => f(Array.ConvertAll(x, Scalar.FromDouble)).Data, data, arg, epsilon);
    }
}
