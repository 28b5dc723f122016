using System.Runtime.CompilerServices;

namespace MiniTorch;

public static partial class Autodiff
{
    private static readonly AsyncLocal<bool> DetectingAnomalies = new();

    // How many scopes are open anywhere: a cheap first check, so that the per-operation test costs one read of a
    // field while no scope is open. Which flows are detecting is decided by the AsyncLocal alone.
    private static int s_openScopes;

    /// <summary>
    /// True inside a <see cref="DetectAnomalies"/> scope on the current thread or async flow: the first function whose
    /// forward value or backward derivative is NaN or infinite then throws an <see cref="AnomalyException"/>.
    /// </summary>
    public static bool IsDetectingAnomalies
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Volatile.Read(ref s_openScopes) > 0 && DetectingAnomalies.Value;
    }

    /// <summary>
    /// Starts anomaly detection for the current thread or async flow until the returned scope is disposed:
    /// <c>using (Autodiff.DetectAnomalies()) { … }</c>. Outside such a scope arithmetic follows IEEE rules silently.
    /// </summary>
    /// <returns>The scope; disposing it restores the previous setting.</returns>
    public static IDisposable DetectAnomalies() => new AnomalyScope();

    private sealed class AnomalyScope : IDisposable
    {
        private readonly bool _previous = DetectingAnomalies.Value;
        private bool _disposed;

        public AnomalyScope()
        {
            Interlocked.Increment(ref s_openScopes);
            DetectingAnomalies.Value = true;
        }

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            DetectingAnomalies.Value = _previous;
            Interlocked.Decrement(ref s_openScopes);
        }
    }
}
