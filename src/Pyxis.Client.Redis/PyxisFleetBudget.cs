using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RedisRateLimiting;
using StackExchange.Redis;

namespace Pyxis.Client.Redis;

/// <summary>
/// The fleet-wide budget of <see cref="PyxisFleetBudgetOptions"/> as a <see cref="RateLimiter"/> for
/// <see cref="PyxisLimitOptions.RequestLimiter"/>: leases come from Redis (RedisRateLimiting's concurrency limiter and
/// token bucket). When Redis cannot be reached, requests are not lost or failed: they take a lease from the local limit
/// instead, and the switch is logged and counted (<c>pyxis.client.fleet.fallbacks</c>, <c>pyxis.client.fleet.local</c>).
/// </summary>
public sealed class PyxisFleetBudget : RateLimiter
{
    private readonly IConnectionMultiplexer redis;
    private readonly bool ownsRedis;
    private readonly PyxisFleetBudgetOptions options;
    private readonly RateLimiter shared;
    private readonly RateLimiter? rate;
    private readonly ConcurrencyLimiter local;
    private readonly FleetHealth health;
    private readonly TimeSpan tokenInterval;

    /// <summary>Connects to <see cref="PyxisFleetBudgetOptions.Configuration"/>; starts on the local limit while Redis is not there yet.</summary>
    public PyxisFleetBudget(PyxisFleetBudgetOptions options, ILogger? logger = null)
        : this(Connect(options), options, logger, ownsRedis: true) { }

    /// <summary>Uses <paramref name="redis"/>, which the caller keeps owning.</summary>
    public PyxisFleetBudget(IConnectionMultiplexer redis, PyxisFleetBudgetOptions options, ILogger? logger = null)
        : this(redis, options, logger, ownsRedis: false) { }

    private PyxisFleetBudget(IConnectionMultiplexer redis, PyxisFleetBudgetOptions options, ILogger? logger, bool ownsRedis)
    {
        ArgumentNullException.ThrowIfNull(redis);
        Validate(options);
        this.redis = redis;
        this.ownsRedis = ownsRedis;
        this.options = options;
        health = new FleetHealth(options, logger ?? NullLogger.Instance);
        shared = new RedisConcurrencyRateLimiter<string>(
            options.Name,
            new RedisConcurrencyRateLimiterOptions
            {
                ConnectionMultiplexerFactory = () => redis,
                PermitLimit = options.MaxConcurrency,
                QueueLimit = options.QueueLimit,
                TryDequeuePeriod = options.PollInterval,
            }
        );
        tokenInterval = options.RequestsPerSecond is { } rps
            ? TimeSpan.FromSeconds(Math.Max(options.PollInterval.TotalSeconds, 1.0 / rps))
            : options.PollInterval;
        rate = options.RequestsPerSecond is { } perSecond
            ? new RedisTokenBucketRateLimiter<string>(
                options.Name,
                new RedisTokenBucketRateLimiterOptions
                {
                    ConnectionMultiplexerFactory = () => redis,
                    // One token every 1/rate seconds, up to one second's worth: a steady rate, bursts of at most a second.
                    TokenLimit = perSecond,
                    TokensPerPeriod = 1,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1.0 / perSecond),
                }
            )
            : null;
        local = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = options.LocalConcurrency, QueueLimit = int.MaxValue });
        redis.ConnectionFailed += OnConnectionFailed;
        redis.ConnectionRestored += OnConnectionRestored;
        if (!redis.IsConnected)
        {
            health.Failed("not connected at start");
        }
    }

    /// <summary>True while leases come from Redis; false while this replica keeps to its local limit.</summary>
    public bool IsShared => health.IsShared;

    /// <inheritdoc />
    public override TimeSpan? IdleDuration => local.IdleDuration;

    /// <inheritdoc />
    public override RateLimiterStatistics? GetStatistics() => local.GetStatistics();

    /// <inheritdoc />
    protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
        health.ShouldAskRedis() ? FailedLease.Instance : local.AttemptAcquire(permitCount);

    /// <inheritdoc />
    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        if (health.ShouldAskRedis() && await SharedAsync(permitCount, cancellationToken).ConfigureAwait(false) is { } lease)
        {
            return lease;
        }

        return await local.AcquireAsync(permitCount, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            redis.ConnectionFailed -= OnConnectionFailed;
            redis.ConnectionRestored -= OnConnectionRestored;
            shared.Dispose();
            rate?.Dispose();
            local.Dispose();
            health.Dispose();
            if (ownsRedis)
            {
                redis.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    /// <inheritdoc />
    protected override ValueTask DisposeAsyncCore()
    {
        Dispose(true);
        return ValueTask.CompletedTask;
    }

    // A lease from Redis, or null when Redis failed (or went away while this request waited in its queue).
    private async ValueTask<RateLimitLease?> SharedAsync(int permitCount, CancellationToken cancellationToken)
    {
        var outage = health.OutageToken;
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, outage);
        try
        {
            if (rate is not null)
            {
                await StartWithinRateAsync(permitCount, wait.Token).ConfigureAwait(false);
            }

            var lease = await shared.AcquireAsync(permitCount, wait.Token).ConfigureAwait(false);
            health.Answered();
            return lease;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && (outage.IsCancellationRequested || IsRedisFailure(ex)))
        {
            health.Failed(ex.GetType().Name + ": " + ex.Message);
            return null;
        }
    }

    private async Task StartWithinRateAsync(int permitCount, CancellationToken token)
    {
        while (true)
        {
            using var lease = await rate!.AcquireAsync(permitCount, token).ConfigureAwait(false);
            if (lease.IsAcquired)
            {
                return;
            }

            // The library's retry-after is rounded up to whole seconds (and not a TimeSpan): wait one token's time instead.
            await Task.Delay(tokenInterval, token).ConfigureAwait(false);
        }
    }

    private static bool IsRedisFailure(Exception error) => error is RedisException or TimeoutException or ObjectDisposedException;

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e) => health.Failed(e.FailureType.ToString());

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e) => health.Restored();

    private static void Validate(PyxisFleetBudgetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Problems().FirstOrDefault() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }
    }

    // Fail fast while disconnected, so a request falls back at once instead of waiting out a command timeout.
    private static ConnectionMultiplexer Connect(PyxisFleetBudgetOptions options)
    {
        Validate(options);
        if (string.IsNullOrWhiteSpace(options.Configuration))
        {
            throw new ArgumentException(
                "PyxisFleetBudgetOptions.Configuration must name the Redis server when no connection is given.",
                nameof(options)
            );
        }

        var configuration = ConfigurationOptions.Parse(options.Configuration);
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        return ConnectionMultiplexer.Connect(configuration);
    }

    private sealed class FailedLease : RateLimitLease
    {
        public static readonly FailedLease Instance = new();

        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
