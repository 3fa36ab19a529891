using System.Collections.Concurrent;
using Pyxis.Client.Batching;
using Pyxis.Client.Caching;
using Pyxis.Client.Coalescing;
using Pyxis.Client.Transport;

namespace Pyxis.Client.Runtime;

/// <summary>
/// What one <see cref="PyxisClientOptions"/> object was frozen into on first use: the retry and breaker pipeline, the result
/// cache, the identical queries in flight, the sizes adaptive sizing learned, the pool watch and the certificate lease. Every
/// client of those options (all of them, with <c>AddPyxisClient</c>) shares it, as Polly's strategies hold the state their
/// plain options describe. The options cannot change afterwards, so reading them from here is reading what was built.
/// </summary>
internal sealed class PyxisRuntime
{
    private readonly ConcurrentDictionary<string, AdaptiveSize> sizes = new(StringComparer.Ordinal);

    public PyxisRuntime(PyxisClientOptions options)
    {
        Options = options;
        Secrets = new RequestSecrets(options.SecretVariables, options.ApiKey);
        Resilience = PyxisResilience.Build(options);
        ResultCache =
            options.Cache.Duration > TimeSpan.Zero
                ? new PyxisResultCache(
                    options.Cache.Store
                        ?? PyxisResultCache.CreateInProcess(
                            options.Cache.MemoryLimit,
                            options.Limits.MaxResponseBytes,
                            options.TimeProvider
                        ),
                    options.Cache.Duration
                )
                : null;
        InFlight = options.Coalescing.Enabled ? new InFlightQueries() : null;
        Pool = new PoolWatch(options);
        ServerTimeouts = new ServerTimeoutPolicy(
            options.Retry.ServerTimeoutRetries,
            options.Retry.ServerTimeoutDelay,
            options.TimeProvider
        );
        Certificate = new CertificateLease(options.Tls.ClientCertificatePath, options.Tls.ClientKeyPath);
    }

    /// <summary>The frozen options.</summary>
    public PyxisClientOptions Options { get; }

    /// <summary>What requests sent with these options must hide.</summary>
    public RequestSecrets Secrets { get; }

    /// <summary>HTTP retries, the circuit breaker and the request limiter.</summary>
    public Polly.ResiliencePipeline Resilience { get; }

    /// <summary>The shared result cache; null while <see cref="PyxisCacheOptions.Duration"/> is zero.</summary>
    public PyxisResultCache? ResultCache { get; }

    /// <summary>The identical queries in flight; null while <see cref="PyxisCoalescingOptions.Enabled"/> is off.</summary>
    public InFlightQueries? InFlight { get; }

    /// <summary>The attempts on the wire through this options object's pool.</summary>
    public PoolWatch Pool { get; }

    /// <summary>How often and after which waits Pyxis server timeouts are retried.</summary>
    public ServerTimeoutPolicy ServerTimeouts { get; }

    /// <summary>The certificate read from the PEM paths, held while a client or a container uses it.</summary>
    public CertificateLease Certificate { get; }

    /// <summary>What adaptive sizing learned for <paramref name="key"/> (an operation and what is sized).</summary>
    public AdaptiveSize SizeOf(string key) => sizes.GetOrAdd(key, static _ => new AdaptiveSize());
}
