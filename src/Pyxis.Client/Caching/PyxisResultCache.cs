using System.Collections.Concurrent;
using System.Text;

namespace Pyxis.Client.Caching;

/// <summary>
/// Shares answers to identical queries (same document, same variables): identical queries in flight together
/// send one request, and a successful answer is reused until it is older than the configured duration.
/// Failures are dropped at once, so the next call asks again. Answers are immutable records, safe to share.
/// </summary>
internal sealed class PyxisResultCache(TimeSpan duration, int capacity, TimeProvider clock)
{
    private readonly ConcurrentDictionary<(string Document, string Variables), Entry> entries = new();

    // ConcurrentDictionary.Count takes every lock; a miss only needs to know roughly how full the cache is.
    private int count;

    /// <summary>The shared answer for <paramref name="request"/>, from memory, from a request in flight, or from <paramref name="send"/>.</summary>
    public Task<TData> GetOrSend<TData>(PyxisRequest<TData> request, Func<Task<TData>> send)
    {
        var key = (request.Document, Encoding.UTF8.GetString(request.Variables.Span));
        while (true)
        {
            var now = clock.GetUtcNow().UtcTicks;
            if (entries.TryGetValue(key, out var found))
            {
                if (found.ExpiresAt <= now)
                {
                    Remove(key, found);
                    continue;
                }

                // One document always reads into one type; a hand-made request that breaks that is just not shared.
                if (found.Answer is not Lazy<Task<TData>> shared)
                {
                    return send();
                }

                if (shared.IsValueCreated && shared.Value.IsCompletedSuccessfully)
                {
                    PyxisTelemetry.CacheHits.Add(1, new KeyValuePair<string, object?>("operation", request.OperationName));
                }

                return shared.Value;
            }

            if (Volatile.Read(ref count) >= capacity && !SweepExpired(now))
            {
                return send();
            }

            var entry = new Entry();
            entry.Answer = new Lazy<Task<TData>>(() => KeepIfSuccessfulAsync(key, entry, send));
            if (entries.TryAdd(key, entry))
            {
                Interlocked.Increment(ref count);
                return ((Lazy<Task<TData>>)entry.Answer).Value;
            }
        }
    }

    private async Task<TData> KeepIfSuccessfulAsync<TData>((string, string) key, Entry entry, Func<Task<TData>> send)
    {
        try
        {
            var data = await send().ConfigureAwait(false);
            entry.ExpiresAt = (clock.GetUtcNow() + duration).UtcTicks;
            return data;
        }
        catch
        {
            Remove(key, entry);
            throw;
        }
    }

    /// <summary>Drops expired answers; true when that made room.</summary>
    private bool SweepExpired(long now)
    {
        foreach (var pair in entries)
        {
            if (pair.Value.ExpiresAt <= now)
            {
                Remove(pair.Key, pair.Value);
            }
        }

        return Volatile.Read(ref count) < capacity;
    }

    private void Remove((string, string) key, Entry entry)
    {
        if (entries.TryRemove(KeyValuePair.Create(key, entry)))
        {
            Interlocked.Decrement(ref count);
        }
    }

    private sealed class Entry
    {
        private long expiresAt = long.MaxValue;

        public object? Answer { get; set; }

        /// <summary>UTC ticks; far in the future while the request is in flight.</summary>
        public long ExpiresAt
        {
            get => Volatile.Read(ref expiresAt);
            set => Volatile.Write(ref expiresAt, value);
        }
    }
}
