using System.Security.Cryptography.X509Certificates;
using Pyxis.Client.Runtime;
using Pyxis.Client.Transport;

namespace Pyxis.Client;

/// <summary>
/// Settings for <see cref="PyxisClient"/>. Secrets set here (the API key, the certificate, user information in
/// <see cref="Endpoint"/>) never appear in logs, messages or <see cref="ToString"/>.
/// </summary>
public sealed class PyxisClientOptions
{
    private readonly Lock freezing = new();
    private PyxisRuntime? runtime;
    private bool frozen;

    /// <summary>Default settings; change them before the first client uses this object.</summary>
    public PyxisClientOptions()
    {
        SecretVariables = new OptionSet(this, nameof(SecretVariables));
    }

    /// <summary>The public Red Hat catalog endpoint, which answers anonymous reads of published data.</summary>
    public static readonly Uri DefaultEndpoint = new("https://catalog.redhat.com/api/containers/graphql/");

    /// <summary>The GraphQL endpoint. Defaults to <see cref="DefaultEndpoint"/>.</summary>
    public Uri Endpoint
    {
        get;
        set => field = Thawed(value);
    } = DefaultEndpoint;

    /// <summary>
    /// How long one call may take, every attempt and wait included, before it fails with <see cref="PyxisTransportException"/>.
    /// Defaults to 5 minutes: Pyxis pages with RPM manifests take tens of seconds (Freshmaker allows 300 s).
    /// </summary>
    public TimeSpan Timeout
    {
        get;
        set => field = Thawed(value);
    } = TimeSpan.FromMinutes(5);

    /// <summary>How long one HTTP attempt (headers and body) may take before it is abandoned and retried. Defaults to 2 minutes.</summary>
    public TimeSpan AttemptTimeout
    {
        get;
        set => field = Thawed(value);
    } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// HTTP retries after a connection failure, a body that broke off, an attempt timeout, or HTTP 408, 429 or 5xx
    /// (exponential back-off with jitter from <see cref="RetryDelay"/>, or the server's <c>Retry-After</c>). Defaults to 3.
    /// Mutations are not retried unless their request sets <see cref="PyxisRequest.AllowRetries"/>.
    /// </summary>
    public int MaxRetries
    {
        get;
        set => field = Thawed(value);
    } = 3;

    /// <summary>The base of the exponential back-off between HTTP retries. Defaults to 1 second.</summary>
    public TimeSpan RetryDelay
    {
        get;
        set => field = Thawed(value);
    } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Share of failed attempts (within <see cref="BreakerSamplingDuration"/>, once at least <see cref="BreakerMinimumThroughput"/>
    /// attempts were made in it) that opens the circuit breaker, after which calls fail at once with
    /// <see cref="PyxisTransportException"/> for <see cref="BreakDuration"/>. Defaults to 0.5; 1 never opens it.
    /// </summary>
    public double BreakerFailureRatio
    {
        get;
        set => field = Thawed(value);
    } = 0.5;

    /// <summary>How long the circuit stays open. Defaults to 15 seconds.</summary>
    public TimeSpan BreakDuration
    {
        get;
        set => field = Thawed(value);
    } = TimeSpan.FromSeconds(15);

    /// <summary>The window over which the circuit breaker counts failed attempts. Defaults to 30 seconds; at least 0.5 s.</summary>
    public TimeSpan BreakerSamplingDuration
    {
        get;
        set => field = Thawed(value);
    } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The fewest attempts within <see cref="BreakerSamplingDuration"/> before the breaker may open, so a handful of
    /// failures on a quiet client does not stop it. Defaults to 100; at least 2.
    /// </summary>
    public int BreakerMinimumThroughput
    {
        get;
        set => field = Thawed(value);
    } = 100;

    /// <summary>
    /// The largest response body read, whatever <c>Content-Length</c> says; a larger one fails with
    /// <see cref="PyxisResponseException"/> once that many bytes have arrived. Defaults to 32 MiB.
    /// </summary>
    public int MaxResponseBytes
    {
        get;
        set => field = Thawed(value);
    } = 32 * 1024 * 1024;

    /// <summary>
    /// Connections open to the endpoint at once. Over HTTP/1.1 that is also the most requests in flight; HTTP/2
    /// multiplexes about 100 over each. A wider fan-out waits for a connection (said once in a warning and counted in
    /// <c>pyxis.client.pool.waits</c>) instead of opening one per lookup. Defaults to 256: four times the 64 it was,
    /// enough that 1000 lookups asked for at once are no longer bound by the pool, and well under the 1024 file
    /// descriptors a process usually gets.
    /// </summary>
    public int MaxConnectionsPerServer
    {
        get;
        set => field = Thawed(value);
    } = 256;

    /// <summary>
    /// A limiter every HTTP attempt takes one lease from before it is sent and returns when its answer has been read, such
    /// as the fleet-wide budget of <c>Pyxis.Client.Redis</c> (<c>AddPyxisFleetBudget</c>). It sits inside the retries, so
    /// a back-off wait holds no lease. Null, the default, adds no limit beyond <see cref="MaxConnectionsPerServer"/> and
    /// each batch's <c>MaxConcurrency</c>. A lease the limiter refuses (its queue is full) is retried like a 429.
    /// </summary>
    public System.Threading.RateLimiting.RateLimiter? RequestLimiter
    {
        get;
        set => field = Thawed(value);
    }

    /// <summary>The User-Agent header sent with every request.</summary>
    public string UserAgent
    {
        get;
        set => field = Thawed(value);
    } = "Pyxis.Client/" + typeof(PyxisClientOptions).Assembly.GetName().Version;

    /// <summary>Sent as the <c>X-API-KEY</c> header when set.</summary>
    public string? ApiKey
    {
        get;
        set => field = Thawed(value);
    }

    /// <summary>PEM file of the client certificate for mutual TLS (with <see cref="ClientKeyPath"/>).</summary>
    public string? ClientCertificatePath
    {
        get;
        set => field = Thawed(value);
    }

    /// <summary>PEM file of the client certificate's private key.</summary>
    public string? ClientKeyPath
    {
        get;
        set => field = Thawed(value);
    }

    /// <summary>A client certificate for mutual TLS, instead of the PEM paths.</summary>
    public X509Certificate2? ClientCertificate
    {
        get;
        set => field = Thawed(value);
    }

    /// <summary>
    /// Variables whose values are replaced by <c>***</c> in exception messages and logs. Empty by default; like every
    /// other setting it cannot change once a client uses these options.
    /// </summary>
    public ISet<string> SecretVariables { get; }

    /// <summary>
    /// Retries when Pyxis answers "unable to fetch data from MongoDB in time" (a server-side timeout inside a
    /// 200 response, which HTTP resilience cannot see). Freshmaker waits 30 s, then 60 s.
    /// </summary>
    public int ServerTimeoutRetries
    {
        get;
        set => field = Thawed(value);
    } = 2;

    /// <summary>The first wait before retrying a server-side timeout; each further wait doubles it.</summary>
    public TimeSpan ServerTimeoutDelay
    {
        get;
        set => field = Thawed(value);
    } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether identical queries (same document, same variables) in flight together share one request. Defaults to true.
    /// Mutations are never shared. A caller who cancels stops only its own wait; the shared request is cancelled when every
    /// caller waiting for it has left, and a failure reaches every caller as its own exception. Shared by every client made
    /// from this options object (all of them, with <c>AddPyxisClient</c>).
    /// </summary>
    public bool CoalesceQueries
    {
        get;
        set => field = Thawed(value);
    } = true;

    /// <summary>
    /// How long answers to identical queries (same document and variables) are reused; zero, the default, turns
    /// caching off. While it is on, identical queries in flight together also share one request. Failures are
    /// never kept and mutations never cached. The cache belongs to this options object, so every client made
    /// from it (all of them, with <c>AddPyxisClient</c>) shares it.
    /// </summary>
    public TimeSpan CacheDuration
    {
        get;
        set => field = Thawed(value);
    }

    /// <summary>
    /// Bytes of answers the in-process cache keeps at most (default 64 MiB); beyond that, answers are evicted or not kept.
    /// Applies when the client makes its own cache, not to a <see cref="Cache"/> you supply.
    /// </summary>
    public long CacheMemoryLimit
    {
        get;
        set => field = Thawed(value);
    } = 64L * 1024 * 1024;

    /// <summary>
    /// The cache answers are kept in while <see cref="CacheDuration"/> is set. Null (the default) means an in-process cache
    /// per options object; with <c>AddPyxisClient</c>, the application's registered <see cref="Microsoft.Extensions.Caching.Hybrid.HybridCache"/>
    /// when there is one, so with a distributed level (Redis, Garnet…) a fleet of workers asks Pyxis once per query.
    /// </summary>
    public Microsoft.Extensions.Caching.Hybrid.HybridCache? Cache
    {
        get;
        set => field = Thawed(value);
    }

    /// <summary>Clock for waits; tests pass a fake one.</summary>
    public TimeProvider TimeProvider
    {
        get;
        set => field = Thawed(value);
    } = TimeProvider.System;

    /// <summary>
    /// The runtime these options were frozen into: made on first use (a client, a handler from
    /// <see cref="ClientHandlerFactory.Create"/>), after which every setter throws. Validates first.
    /// </summary>
    internal PyxisRuntime Runtime => Volatile.Read(ref runtime) ?? Freeze();

    private PyxisRuntime Freeze()
    {
        lock (freezing)
        {
            if (runtime is { } made)
            {
                return made;
            }

            frozen = true; // before validating, so no setter slips in between what is checked and what is built
            try
            {
                Validate();
                Volatile.Write(ref runtime, new PyxisRuntime(this));
                return runtime!;
            }
            catch
            {
                frozen = false;
                throw;
            }
        }
    }

    // Options are plain data until a client uses them; a change after that would reach some of what was built from them
    // and not the rest (the pipeline, the cache, the pool), so it is refused instead of silently ignored.
    private T Thawed<T>(T value, [System.Runtime.CompilerServices.CallerMemberName] string option = "")
    {
        ThrowIfFrozen(option);
        return value;
    }

    internal void ThrowIfFrozen(string option)
    {
        if (Volatile.Read(ref frozen))
        {
            throw new InvalidOperationException(
                $"PyxisClientOptions.{option} cannot change after a client started using these options: the retry pipeline, cache and "
                    + "connection pool were built from them. Set it before creating the client (or in AddPyxisClient's configure), "
                    + "or make a new PyxisClientOptions for a client that needs other settings."
            );
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        var problem = Problems().FirstOrDefault();
        if (problem is not null)
        {
            throw new ArgumentException(problem);
        }
    }

    /// <summary>Every setting that cannot work, as messages that name it.</summary>
    public IEnumerable<string> Problems()
    {
        if (Endpoint is null || !Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttp && Endpoint.Scheme != Uri.UriSchemeHttps))
        {
            yield return $"PyxisClientOptions.Endpoint must be an absolute http(s) URI, not '{HeaderValues.Printable(Endpoint)}'.";
        }

        foreach (var problem in new[] { HeaderValues.Problem(nameof(ApiKey), ApiKey), HeaderValues.Problem(nameof(UserAgent), UserAgent) })
        {
            if (problem is not null)
            {
                yield return problem;
            }
        }

        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            yield return $"PyxisClientOptions.Timeout must be positive, not {Timeout}.";
        }

        if ((ClientCertificatePath is null) != (ClientKeyPath is null))
        {
            yield return "PyxisClientOptions.ClientCertificatePath and ClientKeyPath must be set together.";
        }

        foreach (var path in new[] { ClientCertificatePath, ClientKeyPath }.OfType<string>().Where(p => !File.Exists(p)))
        {
            yield return $"PyxisClientOptions: the PEM file '{path}' does not exist.";
        }

        if (CacheDuration < TimeSpan.Zero)
        {
            yield return $"PyxisClientOptions.CacheDuration must be zero (off) or positive, not {CacheDuration}.";
        }

        if (CacheMemoryLimit < 1)
        {
            yield return $"PyxisClientOptions.CacheMemoryLimit must be at least 1 byte, not {CacheMemoryLimit}.";
        }

        foreach (var problem in TransportProblems())
        {
            yield return problem;
        }

        if (ServerTimeoutRetries < 0)
        {
            yield return $"PyxisClientOptions.ServerTimeoutRetries must be 0 or more, not {ServerTimeoutRetries}.";
        }
    }

    private IEnumerable<string> TransportProblems()
    {
        if (AttemptTimeout <= TimeSpan.Zero && AttemptTimeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            yield return $"PyxisClientOptions.AttemptTimeout must be positive, not {AttemptTimeout}.";
        }

        if (MaxRetries < 0)
        {
            yield return $"PyxisClientOptions.MaxRetries must be 0 or more, not {MaxRetries}.";
        }

        if (RetryDelay < TimeSpan.Zero)
        {
            yield return $"PyxisClientOptions.RetryDelay must not be negative, not {RetryDelay}.";
        }

        if (BreakerFailureRatio is <= 0 or > 1)
        {
            yield return $"PyxisClientOptions.BreakerFailureRatio must be above 0 and at most 1, not {BreakerFailureRatio}.";
        }

        if (BreakDuration < TimeSpan.FromMilliseconds(500))
        {
            yield return $"PyxisClientOptions.BreakDuration must be at least 0.5 s, not {BreakDuration}.";
        }

        if (BreakerSamplingDuration < TimeSpan.FromMilliseconds(500))
        {
            yield return $"PyxisClientOptions.BreakerSamplingDuration must be at least 0.5 s, not {BreakerSamplingDuration}.";
        }

        if (BreakerMinimumThroughput < 2)
        {
            yield return $"PyxisClientOptions.BreakerMinimumThroughput must be at least 2, not {BreakerMinimumThroughput}.";
        }

        if (MaxResponseBytes < 1024)
        {
            yield return $"PyxisClientOptions.MaxResponseBytes must be at least 1024, not {MaxResponseBytes}.";
        }

        if (MaxConnectionsPerServer < 1)
        {
            yield return $"PyxisClientOptions.MaxConnectionsPerServer must be at least 1, not {MaxConnectionsPerServer}.";
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"Endpoint={HeaderValues.Printable(Endpoint)}, Timeout={Timeout}, ApiKey={(ApiKey is null ? "(none)" : "***")}, ClientCertificate={(ClientCertificate is null && ClientCertificatePath is null ? "(none)" : "***")}";
}
