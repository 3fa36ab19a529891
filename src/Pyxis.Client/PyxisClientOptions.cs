using System.Security.Cryptography.X509Certificates;
using Pyxis.Client.Transport;

namespace Pyxis.Client;

/// <summary>
/// Settings for <see cref="PyxisClient"/>. Secrets set here (the API key, the certificate, user information in
/// <see cref="Endpoint"/>) never appear in logs, messages or <see cref="ToString"/>.
/// </summary>
public sealed class PyxisClientOptions
{
    private Caching.PyxisResultCache? resultCache;
    private Lazy<X509Certificate2?>? pemCertificate;
    private int certificateHolders;
    private Lazy<Polly.ResiliencePipeline>? resilience;
    private RequestSecrets? secrets;

    /// <summary>The public Red Hat catalog endpoint, which answers anonymous reads of published data.</summary>
    public static readonly Uri DefaultEndpoint = new("https://catalog.redhat.com/api/containers/graphql/");

    /// <summary>The GraphQL endpoint. Defaults to <see cref="DefaultEndpoint"/>.</summary>
    public Uri Endpoint { get; set; } = DefaultEndpoint;

    /// <summary>
    /// How long one call may take, every attempt and wait included, before it fails with <see cref="PyxisTransportException"/>.
    /// Defaults to 5 minutes: Pyxis pages with RPM manifests take tens of seconds (Freshmaker allows 300 s).
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one HTTP attempt (headers and body) may take before it is abandoned and retried. Defaults to 2 minutes.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// HTTP retries after a connection failure, a body that broke off, an attempt timeout, or HTTP 408, 429 or 5xx
    /// (exponential back-off with jitter from <see cref="RetryDelay"/>, or the server's <c>Retry-After</c>). Defaults to 3.
    /// Mutations are not retried unless their request sets <see cref="PyxisRequest.AllowRetries"/>.
    /// </summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The base of the exponential back-off between HTTP retries. Defaults to 1 second.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Share of failed attempts (within 30 s, at least 100 attempts) that opens the circuit breaker, after which calls
    /// fail at once with <see cref="PyxisTransportException"/> for <see cref="BreakDuration"/>. Defaults to 0.5; 1 never opens it.
    /// </summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>How long the circuit stays open. Defaults to 15 seconds.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The largest response body read, whatever <c>Content-Length</c> says; a larger one fails with
    /// <see cref="PyxisResponseException"/> once that many bytes have arrived. Defaults to 32 MiB.
    /// </summary>
    public int MaxResponseBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>
    /// Connections open to the endpoint at once (HTTP/2 multiplexes over them). A fan-out larger than this queues
    /// for a connection instead of opening one per lookup. Defaults to 64.
    /// </summary>
    public int MaxConnectionsPerServer { get; set; } = 64;

    /// <summary>The User-Agent header sent with every request.</summary>
    public string UserAgent { get; set; } = "Pyxis.Client/" + typeof(PyxisClientOptions).Assembly.GetName().Version;

    /// <summary>Sent as the <c>X-API-KEY</c> header when set.</summary>
    public string? ApiKey { get; set; }

    /// <summary>PEM file of the client certificate for mutual TLS (with <see cref="ClientKeyPath"/>).</summary>
    public string? ClientCertificatePath { get; set; }

    /// <summary>PEM file of the client certificate's private key.</summary>
    public string? ClientKeyPath { get; set; }

    /// <summary>A client certificate for mutual TLS, instead of the PEM paths.</summary>
    public X509Certificate2? ClientCertificate { get; set; }

    /// <summary>Variables whose values are replaced by <c>***</c> in exception messages and logs.</summary>
    public ISet<string> SecretVariables { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// Retries when Pyxis answers "unable to fetch data from MongoDB in time" (a server-side timeout inside a
    /// 200 response, which HTTP resilience cannot see). Freshmaker waits 30 s, then 60 s.
    /// </summary>
    public int ServerTimeoutRetries { get; set; } = 2;

    /// <summary>The first wait before retrying a server-side timeout; each further wait doubles it.</summary>
    public TimeSpan ServerTimeoutDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long answers to identical queries (same document and variables) are reused; zero, the default, turns
    /// caching off. While it is on, identical queries in flight together also share one request. Failures are
    /// never kept and mutations never cached. The cache belongs to this options object, so every client made
    /// from it (all of them, with <c>AddPyxisClient</c>) shares it.
    /// </summary>
    public TimeSpan CacheDuration { get; set; }

    /// <summary>
    /// Bytes of answers the in-process cache keeps at most (default 64 MiB); beyond that, answers are evicted or not kept.
    /// Applies when the client makes its own cache, not to a <see cref="Cache"/> you supply.
    /// </summary>
    public long CacheMemoryLimit { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// The cache answers are kept in while <see cref="CacheDuration"/> is set. Null (the default) means an in-process cache
    /// per options object; with <c>AddPyxisClient</c>, the application's registered <see cref="Microsoft.Extensions.Caching.Hybrid.HybridCache"/>
    /// when there is one, so with a distributed level (Redis, Garnet…) a fleet of workers asks Pyxis once per query.
    /// </summary>
    public Microsoft.Extensions.Caching.Hybrid.HybridCache? Cache { get; set; }

    /// <summary>Clock for waits; tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The shared result cache, created on first use; null while <see cref="CacheDuration"/> is zero.</summary>
    internal Caching.PyxisResultCache? ResultCache =>
        CacheDuration <= TimeSpan.Zero
            ? null
            : LazyInitializer.EnsureInitialized(ref resultCache, () =>
                new(Cache ?? Caching.PyxisResultCache.CreateInProcess(CacheMemoryLimit, MaxResponseBytes, TimeProvider), CacheDuration)
            );

    /// <summary>What requests sent with these options must hide; one object per API key, not per call.</summary>
    internal RequestSecrets Secrets
    {
        get
        {
            var current = secrets;
            if (current is null || !ReferenceEquals(current.ApiKey, ApiKey))
            {
                secrets = current = new RequestSecrets(SecretVariables, ApiKey);
            }

            return current;
        }
    }

    /// <summary>The certificate read from the PEM paths, once per options object.</summary>
    internal X509Certificate2? PemCertificate =>
        LazyInitializer
            .EnsureInitialized(ref pemCertificate, () => new(() => ClientHandlerFactory.LoadPem(ClientCertificatePath, ClientKeyPath)))
            .Value;

    /// <summary>A client (or a DI container) starts using the certificate read from the PEM files.</summary>
    internal void HoldCertificate() => Interlocked.Increment(ref certificateHolders);

    /// <summary>The last holder disposes the certificate read from the PEM files; a later client reads them again.</summary>
    internal void ReleaseCertificate()
    {
        if (
            Interlocked.Decrement(ref certificateHolders) == 0
            && Interlocked.Exchange(ref pemCertificate, null) is { IsValueCreated: true } loaded
        )
        {
            loaded.Value?.Dispose();
        }
    }

    /// <summary>Retries and the circuit breaker, shared by every client of this options object (DI included).</summary>
    internal Polly.ResiliencePipeline Resilience =>
        LazyInitializer.EnsureInitialized(ref resilience, () => new(() => PyxisResilience.Build(this))).Value;

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
