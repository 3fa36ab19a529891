using System.Security.Cryptography.X509Certificates;

namespace Pyxis.Client;

/// <summary>
/// The client certificate for mutual TLS (<see cref="PyxisClientOptions.Tls"/>): PEM files, read once per options object and
/// disposed with the last client that uses them, or a certificate you own. Never printed.
/// </summary>
public sealed class PyxisTlsOptions : PyxisOptionGroup
{
    internal PyxisTlsOptions(PyxisClientOptions owner)
        : base(owner, nameof(PyxisClientOptions.Tls)) { }

    /// <summary>PEM file of the client certificate (with <see cref="ClientKeyPath"/>).</summary>
    /// <value>The default is null: no client certificate.</value>
    public string? ClientCertificatePath
    {
        get;
        set => field = Thawed(value);
    }

    /// <summary>PEM file of the client certificate's private key.</summary>
    /// <value>The default is null.</value>
    public string? ClientKeyPath
    {
        get;
        set => field = Thawed(value);
    }

    /// <summary>A client certificate, instead of the PEM paths; the caller keeps owning it.</summary>
    /// <value>The default is null.</value>
    public X509Certificate2? ClientCertificate
    {
        get;
        set => field = Thawed(value);
    }

    /// <summary>Whether a certificate is configured, for printing "***" instead of it.</summary>
    internal bool HasCertificate => ClientCertificate is not null || ClientCertificatePath is not null;

    internal override IEnumerable<string> Problems()
    {
        if ((ClientCertificatePath is null) != (ClientKeyPath is null))
        {
            yield return $"{Named(nameof(ClientCertificatePath))} and {nameof(ClientKeyPath)} must be set together.";
        }

        foreach (var path in new[] { ClientCertificatePath, ClientKeyPath }.OfType<string>().Where(p => !File.Exists(p)))
        {
            yield return $"PyxisClientOptions.Tls: the PEM file '{path}' does not exist.";
        }
    }
}
