namespace Pyxis.Client.Batching;

/// <summary>
/// How many items the next request of one operation asks for (aliases per request, items per page), learned from how
/// Pyxis answers: additive increase, multiplicative decrease. A request that comes back too big (a Pyxis server timeout,
/// a 5xx, a complexity error) halves the size, though never below the largest size that succeeded since, and marks the
/// failed size as the ceiling; each success at the full size adds one, up to the ceiling. After
/// <see cref="ProbeAfter"/> successes at the ceiling it rises by one, so a Pyxis that recovered gets bigger requests
/// again. A size at the ceiling, next to one that failed, goes out one request at a time until it is proven, so a probe
/// that fails costs one request, not one per concurrent lookup. Thread-safe; one per client options object and operation, so batches learn from each other.
/// </summary>
internal sealed class AdaptiveSize
{
    /// <summary>Successes at the ceiling before the next size above it is tried.</summary>
    public const int ProbeAfter = 50;

    private readonly object gate = new();
    private int current = int.MaxValue; // starts at the caller's maximum
    private int ceiling = int.MaxValue;
    private int proven; // the largest size that succeeded since a failure at or below it
    private int atCeiling;
    private bool probing;

    /// <summary>The size the next request asks for, within the caller's bounds.</summary>
    public int Next(int min, int max)
    {
        lock (gate)
        {
            var size = Math.Clamp(current, min, max);
            if (size <= proven || proven == 0 || size < ceiling)
            {
                return size; // proven, nothing proven yet (every request tries the start), or not next to a known failure
            }

            if (probing)
            {
                return Math.Clamp(proven, min, max);
            }

            probing = true;
            return size;
        }
    }

    /// <summary>A request of <paramref name="size"/> items was answered.</summary>
    public void Succeeded(int size)
    {
        lock (gate)
        {
            probing &= size <= proven;
            proven = Math.Max(proven, size);
            if (size >= ceiling && ++atCeiling >= ProbeAfter)
            {
                (ceiling, atCeiling) = (ceiling + 1, 0);
            }

            if (size >= Math.Min(current, ceiling))
            {
                current = Math.Min(size + 1, ceiling);
            }
        }
    }

    /// <summary>A size handed out by <see cref="Next"/> was not sent in full (the lookups ran out), so it proves nothing.</summary>
    public void Unsent(int size)
    {
        lock (gate)
        {
            probing &= size <= proven;
        }
    }

    /// <summary>A request of <paramref name="size"/> items came back too big.</summary>
    public void TooBig(int size)
    {
        lock (gate)
        {
            probing = false; // a probe still out was sized before this news: it is split or reports on its own
            proven = proven >= size ? 0 : proven; // what succeeded before fails now: Pyxis is under load
            (ceiling, atCeiling) = (Math.Min(ceiling, size - 1), 0);
            current = Math.Max(1, Math.Min(current, Math.Max(size / 2, proven)));
        }
    }

    /// <summary>Whether the failure says the request asked for too much at once (as opposed to a bad input).</summary>
    public static bool IsTooBig(Exception? error) =>
        error switch
        {
            null => false,
            _ when Serialization.GraphQLBody.IsServerTimeout(error) => true,
            PyxisTransportException { HttpStatus: >= 500 } => true,
            PyxisGraphQLException graphQL => graphQL.Errors.Any(e => e.Message.Contains("complex", StringComparison.OrdinalIgnoreCase)),
            _ => false,
        };
}
