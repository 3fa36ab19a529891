using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Pyxis.Client.Telemetry;

/// <summary>
/// Tracing and metrics under the name <c>Pyxis.Client</c> (subscribe with OpenTelemetry or dotnet-counters). Spans and
/// measurements carry the OpenTelemetry GraphQL conventions (<c>graphql.operation.name</c>, <c>graphql.operation.type</c>,
/// <c>graphql.document.hash</c>) plus the batch, alias, coalescing and adaptive-size counts.
/// </summary>
public static class PyxisTelemetry
{
    /// <summary>The ActivitySource and Meter name.</summary>
    public const string Name = "Pyxis.Client";

    /// <summary>The OpenTelemetry GraphQL attribute naming the operation.</summary>
    internal const string OperationName = "graphql.operation.name";

    /// <summary>The OpenTelemetry GraphQL attribute for the operation's type: <c>query</c> or <c>mutation</c>.</summary>
    internal const string OperationType = "graphql.operation.type";

    /// <summary>
    /// The SHA-256 of the document sent (hex). The conventions' <c>graphql.document</c> would carry the whole text, which
    /// is long and may be sensitive; the hash identifies it (and is the operation manifest's id for generated operations).
    /// </summary>
    internal const string DocumentHash = "graphql.document.hash";

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

    internal static readonly Histogram<long> RequestSize = Meter.CreateHistogram<long>(
        "pyxis.client.request.size",
        "{item}",
        "Items one request asked for: aliases of a batch chunk, as adaptive sizing chose them"
    );

    internal static KeyValuePair<string, object?> Operation(string name) => new(OperationName, name);

    internal static KeyValuePair<string, object?> TypeOf(PyxisRequest request) =>
        new(OperationType, request.IsMutation ? "mutation" : "query");

    // Generated documents are the same string instance call after call: hashed once each.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, string> Hashes = new();

    internal static string HashOf(string document) =>
        Hashes.GetValue(document, static d =>
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(d)))
        );

    /// <summary>The GraphQL semantic-convention attributes of a request's span.</summary>
    internal static void Describe(Activity activity, PyxisRequest request)
    {
        activity.SetTag(OperationName, request.OperationName);
        activity.SetTag(OperationType, request.IsMutation ? "mutation" : "query");
        activity.SetTag(DocumentHash, HashOf(request.Document));
        if (request.Aliases > 0)
        {
            activity.SetTag("pyxis.batch.aliases", request.Aliases);
        }
    }

    internal static KeyValuePair<string, object?> SizeKind(string kind) => new("pyxis.size.kind", kind);
}
