using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Pyxis.Client.Telemetry;
using Pyxis.Client.Transport;

namespace Pyxis.Client.Tests;

[Collection(SerialCollection.Name)]
public sealed class TelemetryAndTlsTests
{
    [Fact]
    public async Task Each_request_is_a_client_span_and_a_duration_measurement()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == PyxisTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                lock (spans)
                    spans.Add(a);
            },
        };
        ActivitySource.AddActivityListener(listener);
        var durations = new List<double>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (i, l) =>
            {
                if (i.Meter.Name == PyxisTelemetry.Name)
                    l.EnableMeasurementEvents(i);
            },
        };
        meters.SetMeasurementEventCallback<double>(
            (i, value, _, _) =>
            {
                if (i.Name == "pyxis.client.request.duration")
                    lock (durations)
                        durations.Add(value);
            }
        );
        meters.Start();
        await using var session = await EmulatorSession.StartAsync();

        await session.Client.GetRepositoryByRegistryPathAsync("quay.io", "rhel8/ubi");

        var span = Assert.Single(spans, s => s.OperationName == "pyxis GetRepositoryByRegistryPath");
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("GetRepositoryByRegistryPath", span.GetTagItem("graphql.operation.name"));
        Assert.Equal(ActivityStatusCode.Ok, span.Status);
        Assert.Contains(durations, d => d > 0);
    }

    [Fact]
    public void A_client_certificate_and_key_in_PEM_files_become_the_handlers_TLS_certificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=pyxis-client-test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var directory = Directory.CreateTempSubdirectory("pyxis-tls-");
        try
        {
            var certPath = Path.Combine(directory.FullName, "client.crt");
            var keyPath = Path.Combine(directory.FullName, "client.key");
            File.WriteAllText(certPath, certificate.ExportCertificatePem());
            File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
            var options = new PyxisClientOptions { Tls = { ClientCertificatePath = certPath, ClientKeyPath = keyPath } };

            using var handler = ClientHandlerFactory.Create(options);

            var presented = Assert.IsType<X509Certificate2>(Assert.Single(handler.SslOptions.ClientCertificates!.Cast<X509Certificate>()));
            Assert.Equal(certificate.Thumbprint, presented.Thumbprint);
            Assert.True(presented.HasPrivateKey);
            Assert.DoesNotContain(certPath, options.ToString(), StringComparison.Ordinal);

            // Read once per options object: rotated handlers share it; the last client using it disposes it.
            var first = new PyxisClient(options);
            var second = new PyxisClient(options);
            File.Delete(certPath);
            using (var again = ClientHandlerFactory.Create(options))
            {
                Assert.Same(presented, again.SslOptions.ClientCertificates![0]);
            }

            first.Dispose();
            Assert.NotEqual(IntPtr.Zero, presented.Handle);
            second.Dispose();
            Assert.Equal(IntPtr.Zero, presented.Handle);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
