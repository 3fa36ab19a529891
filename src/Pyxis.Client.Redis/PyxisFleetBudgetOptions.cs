namespace Pyxis.Client.Redis;

/// <summary>
/// A budget of requests to Pyxis shared by every replica that names the same <see cref="Name"/> on the same Redis
/// (or Garnet, Valkey…): at most <see cref="MaxConcurrency"/> in flight, and at most <see cref="RequestsPerSecond"/>
/// started, across the whole fleet. While Redis cannot be reached each replica keeps to <see cref="LocalConcurrency"/>.
/// </summary>
public sealed class PyxisFleetBudgetOptions
{
    /// <summary>
    /// The StackExchange.Redis configuration string, such as <c>redis:6379,password=…</c>. Not needed when a connection is
    /// given (<see cref="PyxisFleetBudget(StackExchange.Redis.IConnectionMultiplexer, PyxisFleetBudgetOptions, Microsoft.Extensions.Logging.ILogger?)"/>,
    /// or an <c>IConnectionMultiplexer</c> registered in the container). Never printed: it may hold a password.
    /// </summary>
    public string? Configuration { get; set; }

    /// <summary>The budget's name, part of its Redis keys: replicas with the same name share one budget. Defaults to <c>pyxis</c>.</summary>
    public string Name { get; set; } = "pyxis";

    /// <summary>
    /// Requests in flight at once across the fleet (HTTP attempts; a retry's back-off holds none). Defaults to 16.
    /// A lease older than 60 s is given back by Redis, so a crashed replica cannot keep its share for ever (and a request
    /// running longer than that no longer counts).
    /// </summary>
    public int MaxConcurrency { get; set; } = 16;

    /// <summary>
    /// Requests started per second across the fleet; null, the default, sets no rate. A token bucket in Redis that gains
    /// a token every 1/rate seconds and holds at most one second's worth, so a burst never exceeds one second's share.
    /// </summary>
    public int? RequestsPerSecond { get; set; }

    /// <summary>
    /// Requests this replica has in flight at most while Redis cannot be reached. Defaults to 4; set it to about
    /// <see cref="MaxConcurrency"/> ÷ replicas to keep the fleet within budget during an outage. Requests already holding
    /// a lease from Redis when it goes away finish under it.
    /// </summary>
    public int LocalConcurrency { get; set; } = 4;

    /// <summary>
    /// Requests that may wait for the fleet budget at once, across the fleet; a request beyond it is refused and retried
    /// like an HTTP 429. Defaults to 10 000.
    /// </summary>
    public int QueueLimit { get; set; } = 10_000;

    /// <summary>
    /// How often a replica with waiting requests asks Redis whether the budget has room (waiters are polled, not notified).
    /// Defaults to 20 ms: lower answers sooner, higher asks Redis less.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// How long a replica stays on its local limit after Redis failed before it asks Redis again (it also returns as
    /// soon as the connection reports itself restored). Defaults to 5 seconds.
    /// </summary>
    public TimeSpan RetryRedisAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Every setting that cannot work, as messages that name it.</summary>
    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            yield return "PyxisFleetBudgetOptions.Name must not be empty.";
        }

        if (MaxConcurrency < 1)
        {
            yield return $"PyxisFleetBudgetOptions.MaxConcurrency must be at least 1, not {MaxConcurrency}.";
        }

        if (RequestsPerSecond < 1)
        {
            yield return $"PyxisFleetBudgetOptions.RequestsPerSecond must be null (no rate) or at least 1, not {RequestsPerSecond}.";
        }

        if (LocalConcurrency < 1)
        {
            yield return $"PyxisFleetBudgetOptions.LocalConcurrency must be at least 1, not {LocalConcurrency}.";
        }

        if (QueueLimit < 0)
        {
            yield return $"PyxisFleetBudgetOptions.QueueLimit must be 0 or more, not {QueueLimit}.";
        }

        if (PollInterval <= TimeSpan.Zero)
        {
            yield return $"PyxisFleetBudgetOptions.PollInterval must be positive, not {PollInterval}.";
        }

        if (RetryRedisAfter <= TimeSpan.Zero)
        {
            yield return $"PyxisFleetBudgetOptions.RetryRedisAfter must be positive, not {RetryRedisAfter}.";
        }
    }
}
