namespace Pyxis.Emulator;

/// <summary>Request counters, updated concurrently by the server and read by tests.</summary>
public sealed class EmulatorStats
{
    private long requests;
    private int inFlight;
    private int maxInFlight;

    /// <summary>Requests received since start (or the last <see cref="Reset"/>).</summary>
    public long Requests => Interlocked.Read(ref requests);

    /// <summary>Requests being answered right now.</summary>
    public int InFlight => Volatile.Read(ref inFlight);

    /// <summary>The most requests that were in flight at once.</summary>
    public int MaxInFlight => Volatile.Read(ref maxInFlight);

    /// <summary>Zeroes the counters.</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref requests, 0);
        Interlocked.Exchange(ref maxInFlight, 0);
    }

    internal long Begin()
    {
        var now = Interlocked.Increment(ref inFlight);
        for (var seen = maxInFlight; now > seen; seen = maxInFlight)
        {
            if (Interlocked.CompareExchange(ref maxInFlight, now, seen) == seen)
            {
                break;
            }
        }

        return Interlocked.Increment(ref requests);
    }

    internal void End() => Interlocked.Decrement(ref inFlight);
}
