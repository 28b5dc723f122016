using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MiniTorch.Web;

/// <summary>
/// The bound on computing requests (<see cref="Policy"/>, which every endpoint that computes requires): at most
/// <see cref="SandboxOptions.MaxComputations"/> are computed at once, up to <see cref="SandboxOptions.QueuedComputations"/>
/// more wait for their turn in order of arrival (without holding a thread), and one more is refused at once with 429
/// and problem details. A cheap request (the page, the form, play and pause) is never queued, so it is answered while
/// heavy ones wait.
/// </summary>
/// <remarks>
/// One <see cref="ConcurrencyLimiter"/> serves every computing request of the server, registered as a service so that
/// its <see cref="Statistics"/> can be read.
/// </remarks>
internal sealed class ComputeLimit : IDisposable
{
    /// <summary>The name of the rate-limiting policy of the computing endpoints.</summary>
    public const string Policy = "compute";

    private readonly ConcurrencyLimiter _limiter;

    private ComputeLimit(SandboxOptions options) => _limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.MaxComputations,
        QueueLimit = options.QueuedComputations,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    /// <summary>How many computations run and wait now.</summary>
    public RateLimiterStatistics Statistics => _limiter.GetStatistics()!;

    /// <summary>Registers the limit and its policy with ASP.NET Core's rate limiting.</summary>
    /// <param name="services">The host's services.</param>
    /// <param name="options">The limits.</param>
    public static void Add(IServiceCollection services, SandboxOptions options)
    {
        var limit = new ComputeLimit(options);
        services.AddSingleton(_ => limit);
        services.AddRateLimiter(limiter =>
        {
            // Every request shares the one limiter; the rate limiting middleware may drop an idle partition, so it
            // gets a view of the limiter that is never idle and whose disposal leaves the limiter to this class.
            limiter.AddPolicy(Policy, _ => RateLimitPartition.Get(Policy, _ => new SharedLimiter(limit._limiter)));
            limiter.OnRejected = (context, _) => new ValueTask(Results.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many computations.",
                detail: string.Create(
                    CultureInfo.InvariantCulture,
                    $"{options.MaxComputations} computations are running and {options.QueuedComputations} waiting on this server; try again when they are done."))
                .ExecuteAsync(context.HttpContext));
        });
    }

    /// <inheritdoc/>
    public void Dispose() => _limiter.Dispose();

    private sealed class SharedLimiter(RateLimiter limiter) : RateLimiter
    {
        public override TimeSpan? IdleDuration => null;

        public override RateLimiterStatistics? GetStatistics() => limiter.GetStatistics();

        protected override RateLimitLease AttemptAcquireCore(int permitCount) => limiter.AttemptAcquire(permitCount);

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
            limiter.AcquireAsync(permitCount, cancellationToken);
    }
}
