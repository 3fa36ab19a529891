using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Pyxis.Client.Telemetry;

namespace Pyxis.Client.Redis;

/// <summary>
/// Whether the fleet budget can reach Redis. Each switch to the local limit is logged once and counted; requests waiting
/// for Redis when it goes away are released (through <see cref="OutageToken"/>) to take the local limit.
/// </summary>
internal sealed partial class FleetHealth : IDisposable
{
    private static readonly Meter Meter = new(PyxisTelemetry.Name);

    private static readonly Counter<long> Fallbacks = Meter.CreateCounter<long>(
        "pyxis.client.fleet.fallbacks",
        "{event}",
        "Times a replica fell back from the fleet-wide budget in Redis to its local limit"
    );

    private static readonly UpDownCounter<long> OnLocalLimit = Meter.CreateUpDownCounter<long>(
        "pyxis.client.fleet.local",
        "{replica}",
        "Fleet budgets keeping to their local limit because Redis cannot be reached (1 while it lasts)"
    );

    private readonly PyxisFleetBudgetOptions options;
    private readonly ILogger logger;
    private readonly Lock gate = new();
    private CancellationTokenSource outage = new();
    private bool onLocal;
    private long failedAt;

    public FleetHealth(PyxisFleetBudgetOptions options, ILogger logger)
    {
        this.options = options;
        this.logger = logger;
    }

    public bool IsShared
    {
        get
        {
            lock (gate)
            {
                return !onLocal;
            }
        }
    }

    /// <summary>Cancelled when Redis goes away, so requests waiting in its queue take the local limit instead.</summary>
    public CancellationToken OutageToken
    {
        get
        {
            lock (gate)
            {
                return outage.Token;
            }
        }
    }

    /// <summary>True while Redis is healthy, and once per <see cref="PyxisFleetBudgetOptions.RetryRedisAfter"/> while it is not (a probe).</summary>
    public bool ShouldAskRedis()
    {
        lock (gate)
        {
            if (!onLocal)
            {
                return true;
            }

            if (Stopwatch.GetElapsedTime(failedAt) < options.RetryRedisAfter)
            {
                return false;
            }

            failedAt = Stopwatch.GetTimestamp(); // one probe per interval; the others stay local meanwhile
            return true;
        }
    }

    public void Failed(string reason)
    {
        CancellationTokenSource? gone;
        lock (gate)
        {
            failedAt = Stopwatch.GetTimestamp();
            if (onLocal)
            {
                return;
            }

            onLocal = true;
            gone = outage;
            outage = new CancellationTokenSource(); // for the probes; the old one may still be linked, so it is not disposed
        }

        Fallbacks.Add(1, new KeyValuePair<string, object?>("budget", options.Name));
        OnLocalLimit.Add(1, new KeyValuePair<string, object?>("budget", options.Name));
        LogFellBack(options.Name, Printable(reason), options.LocalConcurrency);
        gone.Cancel();
    }

    /// <summary>Redis answered: leave the local limit if this replica was on it.</summary>
    public void Answered() => Restored();

    public void Restored()
    {
        lock (gate)
        {
            if (!onLocal)
            {
                return;
            }

            onLocal = false;
        }

        OnLocalLimit.Add(-1, new KeyValuePair<string, object?>("budget", options.Name));
        LogBack(options.Name, options.MaxConcurrency);
    }

    public void Dispose()
    {
        lock (gate)
        {
            outage.Dispose();
        }
    }

    // Exception text from the Redis client: one line, bounded.
    private static string Printable(string reason)
    {
        var line = string.Concat(reason.Select(c => char.IsControl(c) ? ' ' : c));
        return line.Length <= 200 ? line : line[..200] + "…";
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Pyxis fleet budget '{Budget}': Redis cannot be reached ({Reason}); this replica falls back to its local limit of {LocalConcurrency} requests in flight until Redis answers again"
    )]
    private partial void LogFellBack(string budget, string reason, int localConcurrency);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Pyxis fleet budget '{Budget}': Redis answers again; back to the fleet-wide limit of {MaxConcurrency} requests in flight"
    )]
    private partial void LogBack(string budget, int maxConcurrency);
}
