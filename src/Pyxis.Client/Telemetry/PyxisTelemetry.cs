using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Pyxis.Client.Telemetry;

/// <summary>Tracing and metrics under the name <c>Pyxis.Client</c> (subscribe with OpenTelemetry or dotnet-counters).</summary>
public static class PyxisTelemetry
{
    /// <summary>The ActivitySource and Meter name.</summary>
    public const string Name = "Pyxis.Client";

    internal static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    internal static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>(
        "pyxis.client.request.duration",
        "s",
        "Duration of Pyxis requests, retries included"
    );

    internal static readonly UpDownCounter<long> InFlight = Meter.CreateUpDownCounter<long>(
        "pyxis.client.requests.in_flight",
        "{request}",
        "Pyxis requests in flight"
    );

    internal static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "pyxis.client.retries",
        "{retry}",
        "Requests repeated after a transient failure or a Pyxis server-side timeout"
    );

    internal static readonly Counter<long> BreakerOpened = Meter.CreateCounter<long>(
        "pyxis.client.breaker.opened",
        "{event}",
        "Times the circuit breaker opened after repeated failures"
    );

    internal static readonly Counter<long> CacheHits = Meter.CreateCounter<long>(
        "pyxis.client.cache.hits",
        "{answer}",
        "Answers served from the result cache instead of a request"
    );

    internal static readonly Counter<long> PoolWaits = Meter.CreateCounter<long>(
        "pyxis.client.pool.waits",
        "{request}",
        "Requests sent while the connection pool (MaxConnectionsPerServer) was full: they wait for a connection or an HTTP/2 stream"
    );

    internal static readonly Histogram<long> BatchItems = Meter.CreateHistogram<long>(
        "pyxis.client.batch.items",
        "{item}",
        "Items per batch"
    );
}
