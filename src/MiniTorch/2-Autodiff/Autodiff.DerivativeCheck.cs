using System.Globalization;

namespace MiniTorch;

public static partial class Autodiff
{
    /// <summary>
    /// Checks autodiff against central difference: clears the derivatives of <paramref name="scalars"/>, runs
    /// <c>f(scalars).Backward()</c>, and compares each derivative with the numerical estimate.
    /// </summary>
    /// <param name="f">The function to check.</param>
    /// <param name="scalars">Leaf scalars at which to check it.</param>
    /// <exception cref="DerivativeCheckException">
    /// For some argument |autodiff − numeric| &gt; 10⁻² + 10⁻²·|numeric|; the message gives the arguments, the argument
    /// index, and both derivatives.
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
            if (!(Math.Abs(received - expected) <= 1e-2 + (1e-2 * Math.Abs(expected))))
            {
                var arguments = string.Join(", ", Array.ConvertAll(scalars, s => s.Data.ToString("R", CultureInfo.InvariantCulture)));
                throw new DerivativeCheckException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Derivative check failed for f({arguments}) on argument {i}: autodiff gave {received:R}, central difference gave {expected:R}."));
            }
        }
    }
}
