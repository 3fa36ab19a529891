using Microsoft.Extensions.Logging;
using Pyxis.Client.Telemetry;

namespace Pyxis.Client.Transport;

/// <summary>
/// Counts the attempts of one options object that are on the wire, so a fan-out wider than the connection pool is said
/// (one warning, then <c>pyxis.client.pool.waits</c>) instead of silently capped. Over HTTP/1.1 each attempt needs a
/// connection of its own; over HTTP/2 a connection carries <see cref="StreamsPerConnection"/> at once.
/// </summary>
internal sealed partial class PoolWatch(PyxisClientOptions options)
{
    /// <summary>The streams an HTTP/2 connection usually allows at once (the common server default, Kestrel's too).</summary>
    public const int StreamsPerConnection = 100;

    private readonly KeyValuePair<string, object?>[] tags =
    [
        new("server.address", options.Endpoint.Host),
        new("server.port", options.Endpoint.Port),
    ];
    private int onWire;
    private int warned;
    private volatile bool multiplexed;

    /// <summary>How many attempts may be on the wire before the next one waits for a connection or a stream.</summary>
    public int Capacity =>
        multiplexed ? options.Limits.MaxConnectionsPerServer * StreamsPerConnection : options.Limits.MaxConnectionsPerServer;

    /// <summary>An attempt goes on the wire; dispose the result when its answer has been read.</summary>
    public Attempt Enter(ILogger logger)
    {
        var now = Interlocked.Increment(ref onWire);
        if (now > Capacity)
        {
            PyxisTelemetry.PoolWaits.Add(1, tags);
            if (Interlocked.Exchange(ref warned, 1) == 0)
            {
                LogCapped(logger, now, options.Limits.MaxConnectionsPerServer, multiplexed ? "HTTP/2" : "HTTP/1.1", Capacity);
            }
        }

        return new Attempt(this);
    }

    /// <summary>The protocol the server answered with: HTTP/2 multiplexes, so the pool holds more attempts.</summary>
    public void Answered(Version version) => multiplexed = version.Major >= 2;

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Pyxis: {OnWire} requests want to be in flight but the connection pool holds {MaxConnectionsPerServer} connections over {Protocol} ({Capacity} requests at once); the rest wait for a connection. Raise PyxisClientOptions.Limits.MaxConnectionsPerServer or lower the batch's MaxConcurrency (said once; pyxis.client.pool.waits counts each wait)"
    )]
    private static partial void LogCapped(ILogger logger, int onWire, int maxConnectionsPerServer, string protocol, int capacity);

    public readonly struct Attempt(PoolWatch watch) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref watch.onWire);
    }
}
