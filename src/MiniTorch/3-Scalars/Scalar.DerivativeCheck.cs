using System.Globalization;

namespace MiniTorch;

public sealed partial class Scalar
{
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
        return Autodiff.CentralDifference(x => f(Array.ConvertAll(x, FromDouble)).Data, data, arg, epsilon);
    }

    /// <summary>
    /// Checks autodiff against central difference (MiniTorch's <c>derivative_check</c>): clears the derivatives of
    /// <paramref name="scalars"/>, runs <c>f(scalars).Backward()</c>, and compares each derivative with the numerical
    /// estimate by <see cref="Autodiff.CompareDerivatives"/>.
    /// </summary>
    /// <param name="f">The function to check.</param>
    /// <param name="scalars">Leaf scalars at which to check it.</param>
    /// <exception cref="DerivativeCheckException">
    /// For some argument the two disagree (|autodiff − numeric| &gt; 10⁻² + 10⁻²·|numeric|, or the derivative is not
    /// finite), or the central difference is not finite and cannot check it; the message gives the arguments, the
    /// argument index, and both derivatives.
    /// </exception>
    public static void DerivativeCheck(Func<Scalar[], Scalar> f, params Scalar[] scalars)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(scalars);
        foreach (var s in scalars)
        {
            s.ClearDerivative();
        }

        f(scalars).Backward();
        for (var i = 0; i < scalars.Length; i++)
        {
            var received = scalars[i].Derivative ?? 0.0;
            var expected = CentralDifference(f, scalars, i);
            var verdict = Autodiff.CompareDerivatives(received, expected);
            if (verdict != DerivativeVerdict.Pass)
            {
                var arguments = string.Join(", ", Array.ConvertAll(scalars, s => s.Data.ToString("R", CultureInfo.InvariantCulture)));
                var what = verdict == DerivativeVerdict.Fail ? "failed" : "cannot decide (the central difference is not finite)";
                throw new DerivativeCheckException(Invariant(
                    $"Derivative check {what} for f({arguments}) on argument {i}: autodiff gave {received:R}, central difference gave {expected:R}."));
            }
        }
    }
}
