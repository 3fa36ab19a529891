using System.Security.Cryptography.X509Certificates;

namespace Pyxis.Client;

/// <summary>The HTTP handler a client needs: pooled connections, and the mutual-TLS certificate when one is set.</summary>
public static class ClientHandlerFactory
{
    /// <summary>Creates the primary handler for <paramref name="options"/>.</summary>
    public static SocketsHttpHandler Create(PyxisClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (LoadCertificate(options) is { } certificate)
        {
            handler.SslOptions.ClientCertificates = new X509CertificateCollection { certificate };
        }

        return handler;
    }

    /// <summary>The client certificate from <see cref="PyxisClientOptions.ClientCertificate"/> or the PEM paths, if any.</summary>
    public static X509Certificate2? LoadCertificate(PyxisClientOptions options)
    {
        if (options.ClientCertificate is not null)
        {
            return options.ClientCertificate;
        }

        if (options.ClientCertificatePath is null || options.ClientKeyPath is null)
        {
            return null;
        }

        // A key created from PEM is ephemeral; TLS on some platforms needs it re-imported as a persisted PKCS#12.
        using var pem = X509Certificate2.CreateFromPemFile(options.ClientCertificatePath, options.ClientKeyPath);
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }
}
