using System.Runtime.CompilerServices;

namespace MiniTorch;

public static partial class Autodiff
{
    // The innermost scope opened on the current thread or async flow. Each scope links to the one that was innermost
    // when it opened, so that the chain holds every scope of the flow that may still be open, whatever order they are
    // disposed in: the flow detects while any scope on its chain is open.
    private static readonly AsyncLocal<AnomalyScope?> InnermostScope = new();

    // How many scopes are open anywhere: a cheap first check, so that the per-operation test costs one read of a
    // field while no scope is open. Which flows are detecting is decided by their chains alone.
    private static int s_openScopes;

    /// <summary>
    /// True inside a <see cref="DetectAnomalies"/> scope on the current thread or async flow: the first function whose
    /// forward value or backward derivative is NaN or infinite then throws an <see cref="AnomalyException"/>.
    /// </summary>
    public static bool IsDetectingAnomalies
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Volatile.Read(ref s_openScopes) > 0 && AnyOpen(InnermostScope.Value);
    }

    /// <summary>
    /// Starts anomaly detection for the current thread or async flow until the returned scope is disposed:
    /// <c>using (Autodiff.DetectAnomalies()) { … }</c>. Outside such a scope arithmetic follows IEEE rules silently.
    /// </summary>
    /// <returns>
    /// The scope. Disposing it ends its own part only: the flow goes on detecting while another of its scopes is open,
    /// whichever is disposed first, and no other flow is affected.
    /// </returns>
    public static IDisposable DetectAnomalies() => new AnomalyScope();

    private static bool AnyOpen(AnomalyScope? scope)
    {
        for (; scope is not null; scope = scope.Outer)
        {
            if (!scope.IsDisposed)
            {
                return true;
            }
        }

        return false;
    }

    private sealed class AnomalyScope : IDisposable
    {
        private int _disposed;

        public AnomalyScope()
        {
            Outer = InnermostScope.Value;
            Interlocked.Increment(ref s_openScopes);
            InnermostScope.Value = this;
        }

        // The scope that was innermost on this flow when this one opened.
        public AnomalyScope? Outer { get; }

        public bool IsDisposed => Volatile.Read(ref _disposed) == 1;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1)
            {
                return;
            }

            Interlocked.Decrement(ref s_openScopes);

            // Drops the disposed scopes at the inner end of this flow's chain, so that it holds no more than it must.
            var innermost = InnermostScope.Value;
            while (innermost is { IsDisposed: true })
            {
                innermost = innermost.Outer;
            }

            InnermostScope.Value = innermost;
        }
    }
}
