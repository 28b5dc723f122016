namespace MiniTorch.Tests;

/// <summary>
/// Task 1.1's use: the one rule by which a derivative is checked against its central difference, and that a value the
/// central difference cannot estimate, or a derivative that is not finite, never passes.
/// </summary>
[Trait("Task", "1.1")]
public sealed class DerivativeVerdictTests
{
    [Theory]
    [InlineData(1.0, 1.0, DerivativeVerdict.Pass)]
    [InlineData(100.0, 100.9, DerivativeVerdict.Pass)]
    [InlineData(100.0, 102.1, DerivativeVerdict.Fail)]
    [InlineData(0.0, 0.0099, DerivativeVerdict.Pass)]
    [InlineData(0.0, 0.011, DerivativeVerdict.Fail)]
    [InlineData(double.NaN, 1.0, DerivativeVerdict.Fail)]
    [InlineData(double.PositiveInfinity, 1.0, DerivativeVerdict.Fail)]
    [InlineData(1e6, double.PositiveInfinity, DerivativeVerdict.CannotCheck)]
    [InlineData(double.PositiveInfinity, double.PositiveInfinity, DerivativeVerdict.CannotCheck)]
    [InlineData(0.0, double.NaN, DerivativeVerdict.CannotCheck)]
    public void Autodiff_and_central_difference_agree_within_minitorchs_tolerance_and_never_pass_unless_finite(
        double autodiff, double numeric, DerivativeVerdict verdict) =>
        Assert.Equal(verdict, Autodiff.CompareDerivatives(autodiff, numeric));
}
