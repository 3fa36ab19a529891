using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Pyxis.Client.Transport;
using Pyxis.Emulator;

namespace Pyxis.Client.Tests;

/// <summary>Mutual TLS for real: a Kestrel HTTPS endpoint on loopback that requires the client certificate from PEM files.</summary>
public sealed class MutualTlsTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("pyxis-mtls-");
    private readonly X509Certificate2 server = SelfSigned("CN=localhost", serverAuth: true);
    private readonly X509Certificate2 client = SelfSigned("CN=pyxis-mtls-client", serverAuth: false);

    [Fact]
    public async Task The_PEM_client_certificate_is_presented_in_the_handshake_and_the_call_succeeds()
    {
        var presented = new List<string>();
        await using var emulator = await StartAsync(presented);
        var options = ClientOptions(emulator, withCertificate: true);

        using var pyxis = new PyxisClient(new HttpClient(TrustingTestServer(options)), options);
        var (registry, repository) = emulator.Catalog.RepositoryPaths(1).Single();
        var found = await pyxis.GetRepositoryByRegistryPathAsync(registry, repository);

        Assert.Equal(repository, found?.Repository);
        Assert.Equal(client.Thumbprint, Assert.Single(presented.Distinct()));
        Assert.Equal("https", emulator.Endpoint.Scheme);
    }

    [Fact]
    public async Task Without_the_certificate_the_handshake_fails_as_a_transport_error()
    {
        await using var emulator = await StartAsync([]);
        var options = ClientOptions(emulator, withCertificate: false);

        using var pyxis = new PyxisClient(new HttpClient(TrustingTestServer(options)), options);
        var error = await Assert.ThrowsAsync<PyxisTransportException>(() => pyxis.GetRepositoryByRegistryPathAsync("quay.io", "a/b"));

        Assert.Contains("GetRepositoryByRegistryPath", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, emulator.Stats.Requests);
    }

    [Fact]
    public async Task Over_TLS_the_client_speaks_HTTP2_when_the_server_offers_it()
    {
        await using var emulator = await PyxisEmulator.StartAsync(new EmulatorOptions { ServerCertificate = server });
        var options = ClientOptions(emulator, withCertificate: false);
        var versions = new VersionRecorder(TrustingTestServer(options));

        using var pyxis = new PyxisClient(new HttpClient(versions), options);
        var (registry, repository) = emulator.Catalog.RepositoryPaths(1).Single();
        await pyxis.GetRepositoryByRegistryPathAsync(registry, repository);

        Assert.Equal(HttpVersion.Version20, Assert.Single(versions.Seen));
    }

    public void Dispose()
    {
        server.Dispose();
        client.Dispose();
        directory.Delete(recursive: true);
    }

    private static X509Certificate2 SelfSigned(string subject, bool serverAuth)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var usage = new OidCollection { new Oid(serverAuth ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2") };
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(usage, critical: false));
        if (serverAuth)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
        }

        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    private sealed class VersionRecorder(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public List<Version> Seen { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            Seen.Add(response.Version);
            return response;
        }
    }

    // The test server's certificate is self-signed: pin it, as a test must not switch validation off.
    private SocketsHttpHandler TrustingTestServer(PyxisClientOptions options)
    {
        var handler = ClientHandlerFactory.Create(options);
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            certificate?.GetCertHashString() == server.Thumbprint;
        return handler;
    }

    private Task<PyxisEmulator> StartAsync(List<string> presented) =>
        PyxisEmulator.StartAsync(
            new EmulatorOptions
            {
                ServerCertificate = server,
                ClientCertificateValidation = certificate =>
                {
                    lock (presented)
                    {
                        presented.Add(certificate.Thumbprint);
                    }

                    return certificate.Thumbprint == client.Thumbprint;
                },
            }
        );

    private PyxisClientOptions ClientOptions(PyxisEmulator emulator, bool withCertificate)
    {
        var options = new PyxisClientOptions { Endpoint = emulator.Endpoint, Timeouts = { Total = TimeSpan.FromSeconds(20) } };
        if (withCertificate)
        {
            options.Tls.ClientCertificatePath = Path.Combine(directory.FullName, "client.crt");
            options.Tls.ClientKeyPath = Path.Combine(directory.FullName, "client.key");
            File.WriteAllText(options.Tls.ClientCertificatePath, client.ExportCertificatePem());
            File.WriteAllText(options.Tls.ClientKeyPath, client.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
        }

        return options;
    }
}
