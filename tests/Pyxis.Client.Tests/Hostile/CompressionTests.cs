using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Pyxis.Client.Tests.Hostile;

/// <summary>A compressed body that does not decompress is an unreadable answer (<see cref="PyxisResponseException"/>), not a raw stream error.</summary>
public sealed class CompressionTests
{
    public static TheoryData<string, string> Corrupt =>
        new()
        {
            { "gzip", "plain" },
            { "gzip", "bad-crc" },
            { "gzip", "garbage" },
            { "deflate", "garbage" },
            { "br", "garbage" },
        };

    [Theory]
    [MemberData(nameof(Corrupt))]
    public async Task A_corrupt_compressed_body_is_a_response_error_for_the_plain_and_the_DI_client(string encoding, string corruption)
    {
        var body = Body(corruption);
        await using var server = await HostileServer.StartAsync(
            async (http, _) =>
            {
                http.Response.ContentType = "application/json";
                http.Response.Headers.ContentEncoding = encoding;
                await http.Response.Body.WriteAsync(body);
            }
        );
        using var plain = new PyxisClient(
            new PyxisClientOptions { Endpoint = server.Endpoint, Retry = { Delay = TimeSpan.FromMilliseconds(1) } }
        );
        var services = new ServiceCollection();
        services.AddPyxisClient(o => (o.Endpoint, o.Retry.Delay) = (server.Endpoint, TimeSpan.FromMilliseconds(1)));
        await using var provider = services.BuildServiceProvider();

        foreach (var client in new IPyxisClient[] { plain, provider.GetRequiredService<IPyxisClient>() })
        {
            var error = await Assert.ThrowsAsync<PyxisResponseException>(() => client.GetRepositoryByRegistryPathAsync("quay.io", "ubi"));

            Assert.Contains("could not be decompressed", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(2, server.Requests); // one each: a corrupt body is not a fault that another attempt repairs
    }

    [Fact]
    public async Task A_well_formed_gzip_body_is_read()
    {
        await using var server = await HostileServer.StartAsync(
            async (http, _) =>
            {
                http.Response.ContentType = "application/json";
                http.Response.Headers.ContentEncoding = "gzip";
                await http.Response.Body.WriteAsync(Gzip(Encoding.UTF8.GetBytes(Answers.RepositoryLookup())));
            }
        );
        using var client = new PyxisClient(new PyxisClientOptions { Endpoint = server.Endpoint });

        Assert.Equal("ubi", (await client.GetRepositoryByRegistryPathAsync("quay.io", "ubi"))!.Repository);
    }

    private static byte[] Body(string corruption)
    {
        var json = Encoding.UTF8.GetBytes(Answers.RepositoryLookup());
        switch (corruption)
        {
            case "plain":
                return json;
            case "bad-crc":
                var gzip = Gzip(json);
                gzip[^8] ^= 0xFF; // the trailer's CRC-32 no longer matches the data
                return gzip;
            default:
                var garbage = new byte[4096];
                new Random(17).NextBytes(garbage);
                return garbage;
        }
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}
