using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Pyxis.Client.Telemetry;

namespace Pyxis.Client.Caching;

/// <summary>
/// Shares answers to identical queries (same document, same variables) through <see cref="HybridCache"/>: in memory,
/// and across replicas when the cache has a distributed level. Identical queries in flight together send one
/// request (the request is cancelled only when every caller waiting for it has cancelled). What is kept is the
/// response body of a successful answer, so any replica can read it into its own generated types; a failure, or
/// an answer whose Pyxis envelope reports an error other than 404, is never kept.
/// </summary>
internal sealed class PyxisResultCache(HybridCache cache, TimeSpan duration)
{
    private readonly HybridCacheEntryOptions entryOptions = new() { Expiration = duration, LocalCacheExpiration = duration };

    /// <summary>An in-process cache for one options object, bounded by <paramref name="memoryLimit"/> bytes of answers.</summary>
    /// <exception cref="InvalidOperationException">Under NativeAOT (see the remark in the method).</exception>
    public static HybridCache CreateInProcess(long memoryLimit, int maxPayload, TimeProvider clock)
    {
        // HybridCache's registration roots a reflection-based JSON serializer (dotnet/extensions#5624): reachable, it
        // would make every NativeAOT app that uses this package warn. NativeAOT folds this check to a constant, so the
        // registration below is not even compiled into such an app.
        if (!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported)
        {
            throw new InvalidOperationException(
                "PyxisClientOptions.Cache.Duration needs PyxisClientOptions.Cache.Store under NativeAOT: the in-process HybridCache is not AOT-safe "
                    + "(dotnet/extensions#5624). Set Cache to a HybridCache you configured for AOT, or leave CacheDuration at zero."
            );
        }

        return Build(memoryLimit, maxPayload, clock);
    }

    private static HybridCache Build(long memoryLimit, int maxPayload, TimeProvider clock) =>
        new ServiceCollection()
            .AddSingleton(clock)
            .AddMemoryCache(o =>
            {
                o.SizeLimit = memoryLimit;
                o.Clock = new MemoryCacheClock(clock);
            })
            .AddHybridCache(o => o.MaximumPayloadBytes = maxPayload)
            .Services.BuildServiceProvider()
            .GetRequiredService<HybridCache>();

    /// <summary>The answer for <paramref name="request"/>, from the cache, from a request in flight, or from <paramref name="send"/>.</summary>
    public async Task<TData> GetOrSendAsync<TData>(
        PyxisRequest<TData> request,
        Runtime.PyxisCall call,
        Func<BodyCapture, CancellationToken, Task<TData>> send,
        CancellationToken cancellationToken
    )
    {
        var fresh = new BodyCapture<TData>();
        var key = Key(request);
        var body = await cache
            .GetOrCreateAsync(
                key,
                (Send: send, Fresh: fresh),
                static async (state, ct) =>
                {
                    state.Fresh.Data = await state.Send(state.Fresh, ct).ConfigureAwait(false);
                    return state.Fresh.Bytes!;
                },
                entryOptions,
                cancellationToken: cancellationToken
            )
            .ConfigureAwait(false);

        if (fresh.Bytes is not null)
        {
            // Callers in flight together share even an error envelope, but no later caller gets it from the cache.
            if (!fresh.Keep)
            {
                await cache.RemoveAsync(key, CancellationToken.None).ConfigureAwait(false);
            }

            return fresh.Data!;
        }

        PyxisTelemetry.CacheHits.Add(1, PyxisTelemetry.Operation(request.OperationName), PyxisTelemetry.TypeOf(request));
        return Serialization.ResponseReader.Read(request, call, body, out _);
    }

    // Keys must be short and safe for any distributed store; the document and variables can be neither.
    private static string Key(PyxisRequest request)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(request.Document));
        hash.AppendData([0]);
        hash.AppendData(request.Variables.Span);
        return "pyxis:" + Convert.ToHexString(hash.GetHashAndReset());
    }
}

/// <summary>The options' clock for the memory level, so answers expire on the same time as everything else.</summary>
internal sealed class MemoryCacheClock(TimeProvider clock) : Microsoft.Extensions.Internal.ISystemClock
{
    public DateTimeOffset UtcNow => clock.GetUtcNow();
}

/// <summary>
/// Filled by the client while it sends for the cache: the body, and whether the read that typed it found a well-formed
/// success (so the body is parsed once, not again to decide whether to keep it).
/// </summary>
internal class BodyCapture
{
    public byte[]? Bytes { get; set; }

    public bool Keep { get; set; }
}

/// <summary>A capture that also holds what the call read, typed, for the caller that sent it.</summary>
internal sealed class BodyCapture<TData> : BodyCapture
{
    public TData? Data { get; set; }
}
