using System.Globalization;
using System.Runtime.ExceptionServices;

namespace MiniTorch.Tests;

/// <summary>
/// Assertions whose failure messages say what was expected in the learner's terms: the quantity, its expected value,
/// the value found.
/// </summary>
internal static class Expect
{
    /// <summary>Passes when <paramref name="actual"/> is within 10⁻² of <paramref name="expected"/> (MiniTorch's
    /// is_close), or is the very same value (so that ∞ = ∞).</summary>
    public static void Close(double expected, double actual, string what) =>
        Assert.True(
            expected.Equals(actual) || Math.Abs(expected - actual) < 1e-2,
            Invariant($"{what} should be {expected:R} (within 0.01), but it is {actual:R}"));

    /// <summary>Passes when <paramref name="actual"/> is exactly <paramref name="expected"/>.</summary>
    public static void Equal(double expected, double? actual, string what) =>
        Assert.True(
            actual is { } value && expected.Equals(value),
            Invariant($"{what} should be {expected:R}, but it is {(actual is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "null (nothing reached it)")}"));

    /// <summary>
    /// Passes when <paramref name="action"/> throws a <typeparamref name="TException"/>. A blank's
    /// <see cref="NotImplementedException"/> fails as it is, so that the failure names the task to do.
    /// </summary>
    public static TException Throws<TException>(Action action, string what)
        where TException : Exception
    {
        var error = Record.Exception(action);
        if (error is NotImplementedException)
        {
            ExceptionDispatchInfo.Capture(error).Throw();
        }

        return error as TException ?? throw new Xunit.Sdk.XunitException(
            $"{what} should throw {typeof(TException).Name}, but it {(error is null ? "returned normally" : $"threw {error.GetType().Name}: {error.Message}")}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
