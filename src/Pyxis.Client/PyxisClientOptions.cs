using System.Security.Cryptography.X509Certificates;

namespace Pyxis.Client;

/// <summary>Settings for <see cref="PyxisClient"/>. Secrets set here never appear in logs, messages or <see cref="ToString"/>.</summary>
public sealed class PyxisClientOptions
{
    private Caching.PyxisResultCache? resultCache;

    /// <summary>The public Red Hat catalog endpoint, which answers anonymous reads of published data.</summary>
    public static readonly Uri DefaultEndpoint = new("https://catalog.redhat.com/api/containers/graphql/");

    /// <summary>The GraphQL endpoint. Defaults to <see cref="DefaultEndpoint"/>.</summary>
    public Uri Endpoint { get; set; } = DefaultEndpoint;

    /// <summary>How long one call may take, retries included, before it fails with <see cref="PyxisTransportException"/>.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

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

    /// <summary>Most answers the cache keeps at once (default 10 000); beyond that, new answers are not kept until older ones expire.</summary>
    public int CacheCapacity { get; set; } = 10_000;

    /// <summary>Clock for waits; tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The shared result cache, created on first use; null while <see cref="CacheDuration"/> is zero.</summary>
    internal Caching.PyxisResultCache? ResultCache =>
        CacheDuration <= TimeSpan.Zero ? null : resultCache ?? Interlocked.CompareExchange(ref resultCache, new(CacheDuration, CacheCapacity, TimeProvider), null) ?? resultCache;

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
            yield return $"PyxisClientOptions.Endpoint must be an absolute http(s) URI, not '{Endpoint}'.";
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

        if (CacheCapacity < 1)
        {
            yield return $"PyxisClientOptions.CacheCapacity must be at least 1, not {CacheCapacity}.";
        }

        if (ServerTimeoutRetries < 0)
        {
            yield return $"PyxisClientOptions.ServerTimeoutRetries must be 0 or more, not {ServerTimeoutRetries}.";
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"Endpoint={Endpoint}, Timeout={Timeout}, ApiKey={(ApiKey is null ? "(none)" : "***")}, ClientCertificate={(ClientCertificate is null && ClientCertificatePath is null ? "(none)" : "***")}";
}
