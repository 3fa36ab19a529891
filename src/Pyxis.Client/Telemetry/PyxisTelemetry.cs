using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Pyxis.Client.Telemetry;

/// <summary>Tracing and metrics under the name <c>Pyxis.Client</c> (subscribe with OpenTelemetry or dotnet-counters).</summary>
public static class PyxisTelemetry
{
    /// <summary>The ActivitySource and Meter name.</summary>
    public const string Name = "Pyxis.Client";

    /// <summary>The OpenTelemetry GraphQL attribute naming the operation.</summary>
    internal const string OperationName = "graphql.operation.name";

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

    internal static readonly Histogram<long> BatchItems = Meter.CreateHistogram<long>(
        "pyxis.client.batch.items",
        "{item}",
        "Items per batch"
    );

    internal static readonly Counter<long> Coalesced = Meter.CreateCounter<long>(
        "pyxis.client.coalesced",
        "{call}",
        "Calls that joined an identical query already in flight instead of sending their own request"
    );

    internal static readonly Counter<long> SizeShrinks = Meter.CreateCounter<long>(
        "pyxis.client.adaptive.shrinks",
        "{event}",
        "Requests Pyxis answered as too big (server timeout, 5xx, complexity error), after which the size shrank"
    );

    internal static KeyValuePair<string, object?> Operation(string name) => new(OperationName, name);

    internal static KeyValuePair<string, object?> SizeKind(string kind) => new("pyxis.size.kind", kind);
}
