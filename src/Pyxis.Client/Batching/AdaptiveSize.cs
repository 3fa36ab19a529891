namespace Pyxis.Client.Batching;

/// <summary>
/// How many items the next request of one operation asks for (aliases per request, items per page), learned from how
/// Pyxis answers: additive increase, multiplicative decrease. A request that comes back too big halves the size, though
/// never below the largest size that succeeded since, and marks the failed size as the ceiling; each success at the full
/// size adds one, up to the ceiling. After <see cref="ProbeAfter"/> successes at the ceiling it rises by one, so a Pyxis
/// that recovered gets bigger requests again. A size at the ceiling, next to one that failed, goes out one request at a
/// time until it is proven, so a probe that fails costs one request, not one per concurrent lookup. Thread-safe; one per
/// client options object and operation, so batches learn from each other.
/// </summary>
/// <remarks>
/// A complexity error or Pyxis's own server timeout ("unable to fetch data from MongoDB in time") says the request asked
/// too much, and is believed at once. A bare 5xx can be a blip (a gateway, a deploy), so it only raises a suspicion, and it
/// is believed when a request sized after the suspicion fails too before any request as big succeeds. A real limit fails
/// every request over it, so it is learned one request later; random 5xx (a few percent of requests) rarely hit the one
/// request that would confirm them. Requests already in flight when the news came do not count either way for failing:
/// a 5xx comes back faster than an answer, so a few random ones arrive together and would look like a limit.
/// </remarks>
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
    private int suspect = int.MaxValue; // the smallest size that maybe came back too big, since a success at or above it
    private int news; // counts suspicions and lowered sizes, so a failure can tell whether its request was sized after them

    /// <summary>The size the next request asks for, within the caller's bounds.</summary>
    public int Next(int min, int max) => Next(min, max, out _);

    /// <summary>The size the next request asks for, and <paramref name="sizedAt"/> to give back with its outcome.</summary>
    public int Next(int min, int max, out int sizedAt)
    {
        lock (gate)
        {
            sizedAt = news;
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
            suspect = size >= suspect ? int.MaxValue : suspect; // as big a request passed: that failure was a blip
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

    /// <summary>A size handed out by <c>Next</c> was not sent in full (the lookups ran out), so it proves nothing.</summary>
    public void Unsent(int size)
    {
        lock (gate)
        {
            probing &= size <= proven;
        }
    }

    /// <summary>
    /// A request of <paramref name="size"/> items, sized when <c>Next</c> gave
    /// <paramref name="sizedAt"/>, came back too big; <paramref name="certain"/> when the answer says so itself (a
    /// complexity error, a Pyxis server timeout) rather than maybe by chance (a bare 5xx). Returns what was made of it.
    /// </summary>
    public Verdict TooBig(int size, bool certain = true, int sizedAt = int.MaxValue)
    {
        lock (gate)
        {
            probing = false; // a probe still out was sized before this news: it is split or reports on its own
            if (sizedAt < news)
            {
                return Verdict.Stale; // sized before the last news, which already acted on what it says
            }

            certain |= size >= ceiling; // a probe next to a learned limit: a blip there costs little
            if (!certain && Suspects(size) is { } verdict)
            {
                return verdict;
            }

            size = Math.Min(size, suspect);
            (suspect, news) = (int.MaxValue, news + 1);
            if (size <= proven)
            {
                // A size that passed fails now: Pyxis is busy rather than the size too big (a random server timeout, a
                // second 5xx), so back off but learn no ceiling; one at the ceiling would hold every later request down.
                (proven, current) = (0, Math.Max(1, Math.Min(current, proven) / 2));
                return Verdict.Lowered;
            }

            (ceiling, atCeiling) = (Math.Min(ceiling, size - 1), 0);
            current = Math.Max(1, Math.Min(current, Math.Max(size / 2, proven)));
            return Verdict.Lowered;
        }
    }

    // Under the gate, for a request sized after the last news: an uncertain failure raises a suspicion, or confirms one (null).
    private Verdict? Suspects(int size)
    {
        if (suspect != int.MaxValue)
        {
            return null;
        }

        (suspect, news) = (size, news + 1);
        return Verdict.Suspected;
    }

    /// <summary>What <see cref="TooBig"/> made of a failure.</summary>
    public enum Verdict
    {
        /// <summary>The request was sized before the last news, so its failure says nothing new.</summary>
        Stale,

        /// <summary>Maybe a blip: the size stays until a request sized after it fails too.</summary>
        Suspected,

        /// <summary>The size was lowered.</summary>
        Lowered,
    }

    /// <summary>
    /// Whether the failure says by itself that the request asked for too much (a complexity error, a Pyxis server timeout),
    /// not maybe by chance (a bare 5xx).
    /// </summary>
    public static bool IsCertainlyTooBig(Exception? error) =>
        Serialization.GraphQLBody.IsServerTimeout(error)
        || (
            error is PyxisGraphQLException graphQL
            && graphQL.Errors.Any(e => e.Message.Contains("complex", StringComparison.OrdinalIgnoreCase))
        );

    /// <summary>Whether the failure says the request asked for too much at once (as opposed to a bad input).</summary>
    public static bool IsTooBig(Exception? error) => error is PyxisTransportException { HttpStatus: >= 500 } || IsCertainlyTooBig(error);
}
