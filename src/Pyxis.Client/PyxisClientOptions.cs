namespace Pyxis.Client;

/// <summary>Settings for <see cref="PyxisClient"/>.</summary>
public sealed class PyxisClientOptions
{
    /// <summary>The public Red Hat catalog endpoint, which answers anonymous reads of published data.</summary>
    public static readonly Uri DefaultEndpoint = new("https://catalog.redhat.com/api/containers/graphql/");

    /// <summary>The GraphQL endpoint. Defaults to <see cref="DefaultEndpoint"/>.</summary>
    public Uri Endpoint { get; set; } = DefaultEndpoint;

    /// <summary>How long one request may take before it fails with <see cref="PyxisTransportException"/>.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>The User-Agent header sent with every request.</summary>
    public string UserAgent { get; set; } = "Pyxis.Client/" + typeof(PyxisClientOptions).Assembly.GetName().Version;

    /// <summary>Sent as the <c>X-API-KEY</c> header when set. Never printed.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        if (Endpoint is null || !Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttp && Endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"Endpoint must be an absolute http(s) URI, not '{Endpoint}'.", nameof(Endpoint));
        }

        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException($"Timeout must be positive, not {Timeout}.", nameof(Timeout));
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"Endpoint={Endpoint}, Timeout={Timeout}, ApiKey={(ApiKey is null ? "(none)" : "***")}";
}
