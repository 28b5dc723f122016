using System.Globalization;

namespace MiniTorch.Web.Functions;

/// <summary>
/// A derivative checked against its central difference at every sampled point, as the Scalar functions tab reports
/// it: the largest |autodiff − central difference| and where it is, and how many points pass MiniTorch's rule
/// (<see cref="Autodiff.CompareDerivatives"/>). Points where f is not finite are left out.
/// </summary>
/// <param name="Largest">The largest difference in round-trip form, or null when no point could be compared.</param>
/// <param name="AtX">The x of the point of the largest difference.</param>
/// <param name="AtY">Its y, for a function of two inputs; null for one input.</param>
/// <param name="Passed">The points where the two agree.</param>
/// <param name="Failed">The points where they do not.</param>
/// <param name="CannotCheck">The points where the central difference is not finite.</param>
internal sealed record DerivativeCheckView(string? Largest, double? AtX, double? AtY, int Passed, int Failed, int CannotCheck)
{
    /// <summary>Checks the derivatives of a sampling.</summary>
    /// <param name="points">Each point's x and y (NaN y for one input).</param>
    /// <param name="derivatives">The autodiff derivative at each point; NaN where f is not finite.</param>
    /// <param name="centralDifferences">The central difference at each point.</param>
    /// <returns>The check.</returns>
    public static DerivativeCheckView Of(IReadOnlyList<(double X, double Y)> points, IReadOnlyList<double> derivatives, IReadOnlyList<double> centralDifferences)
    {
        var (passed, failed, unchecked_) = (0, 0, 0);
        var largest = double.NaN;
        var at = -1;
        for (var k = 0; k < points.Count; k++)
        {
            if (double.IsNaN(derivatives[k]) && double.IsNaN(centralDifferences[k]))
            {
                continue;
            }

            switch (Autodiff.CompareDerivatives(derivatives[k], centralDifferences[k]))
            {
                case DerivativeVerdict.Pass:
                    passed++;
                    break;
                case DerivativeVerdict.Fail:
                    failed++;
                    break;
                default:
                    unchecked_++;
                    continue;
            }

            var difference = Math.Abs(derivatives[k] - centralDifferences[k]);
            if (at < 0 || difference > largest || double.IsNaN(difference))
            {
                (largest, at) = (difference, k);
            }
        }

        return at < 0
            ? new DerivativeCheckView(null, null, null, passed, failed, unchecked_)
            : new DerivativeCheckView(
                largest.ToString("R", CultureInfo.InvariantCulture), points[at].X, double.IsNaN(points[at].Y) ? null : points[at].Y, passed, failed, unchecked_);
    }
}
