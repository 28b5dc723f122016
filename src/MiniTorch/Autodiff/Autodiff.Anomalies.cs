namespace MiniTorch;

public static partial class Autodiff
{
    private static readonly AsyncLocal<bool> DetectingAnomalies = new();

    /// <summary>
    /// True inside a <see cref="DetectAnomalies"/> scope on the current thread or async flow: the first function whose
    /// forward value or backward derivative is NaN or infinite then throws an <see cref="AnomalyException"/>.
    /// </summary>
    public static bool IsDetectingAnomalies => DetectingAnomalies.Value;

    /// <summary>
    /// Starts anomaly detection for the current thread or async flow until the returned scope is disposed:
    /// <c>using (Autodiff.DetectAnomalies()) { … }</c>. Outside such a scope arithmetic follows IEEE rules silently.
    /// </summary>
    /// <returns>The scope; disposing it restores the previous setting.</returns>
    public static IDisposable DetectAnomalies() => new AnomalyScope();

    private sealed class AnomalyScope : IDisposable
    {
        private readonly bool _previous = DetectingAnomalies.Value;

        public AnomalyScope() => DetectingAnomalies.Value = true;

        public void Dispose() => DetectingAnomalies.Value = _previous;
    }
}
