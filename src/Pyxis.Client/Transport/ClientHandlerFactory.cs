using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace Pyxis.Client.Transport;

/// <summary>
/// The HTTP handler a client needs: a bounded pool, compression, HTTP/2 over TLS, no redirects, and the mutual-TLS certificate.
/// </summary>
public static class ClientHandlerFactory
{
    /// <summary>
    /// Creates the primary handler for <paramref name="options"/>. Redirects are never followed: .NET strips only
    /// <c>Authorization</c> when it follows one, so the <c>X-API-KEY</c> header and the query would reach the other host.
    /// </summary>
    /// <exception cref="ArgumentException">The options cannot work (<see cref="PyxisClientOptions.Validate"/>).</exception>
    public static SocketsHttpHandler Create(PyxisClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options = options.Runtime.Options; // a handler is built from what the options hold now: validated and frozen
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Brotli | DecompressionMethods.Deflate,
            MaxConnectionsPerServer = options.Limits.MaxConnectionsPerServer,
            EnableMultipleHttp2Connections = true,
            MaxResponseHeadersLength = 64,
        };
        if (LoadCertificate(options) is { } certificate)
        {
            handler.SslOptions.ClientCertificates = new X509CertificateCollection { certificate };
        }

        return handler;
    }

    /// <summary>
    /// The client certificate from <see cref="PyxisTlsOptions.ClientCertificate"/> or the PEM paths, if any. PEM files
    /// are read once per options object, so handler rotation under <c>IHttpClientFactory</c> does not re-read them.
    /// </summary>
    public static X509Certificate2? LoadCertificate(PyxisClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Tls.ClientCertificate ?? options.Runtime.Certificate.Value;
    }

    internal static X509Certificate2? LoadPem(string? certificatePath, string? keyPath)
    {
        if (certificatePath is null || keyPath is null)
        {
            return null;
        }

        // A key created from PEM is ephemeral; TLS on some platforms needs it re-imported as a persisted PKCS#12.
        using var pem = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }
}
