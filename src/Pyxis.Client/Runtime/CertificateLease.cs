using System.Security.Cryptography.X509Certificates;
using Pyxis.Client.Transport;

namespace Pyxis.Client.Runtime;

/// <summary>
/// The client certificate read from PEM files, once per options object: handler rotation under <c>IHttpClientFactory</c>
/// does not re-read it, and the last holder (a client that owns its handler, or a container) disposes it.
/// </summary>
internal sealed class CertificateLease(string? certificatePath, string? keyPath)
{
    private Lazy<X509Certificate2?>? loaded;
    private int holders;

    /// <summary>The certificate, read on first use (again after the last holder let it go).</summary>
    public X509Certificate2? Value =>
        LazyInitializer.EnsureInitialized(ref loaded, () => new(() => ClientHandlerFactory.LoadPem(certificatePath, keyPath))).Value;

    /// <summary>A client (or a DI container) starts using the certificate.</summary>
    public void Hold() => Interlocked.Increment(ref holders);

    /// <summary>The last holder disposes the certificate; a later client reads the files again.</summary>
    public void Release()
    {
        if (Interlocked.Decrement(ref holders) == 0 && Interlocked.Exchange(ref loaded, null) is { IsValueCreated: true } certificate)
        {
            certificate.Value?.Dispose();
        }
    }
}
