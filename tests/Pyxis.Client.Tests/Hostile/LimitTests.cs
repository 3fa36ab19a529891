using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;
using Pyxis.Client.Batching;

namespace Pyxis.Client.Tests.Hostile;

/// <summary>Memory and connections stay bounded whatever the server sends or claims.</summary>
public sealed class LimitTests
{
    [Fact]
    public async Task A_body_past_MaxResponseBytes_fails_once_the_limit_is_crossed()
    {
        await using var server = await HostileServer.StartAsync(
            async (http, _) =>
            {
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync("{\"data\":{\"x\":\"", http.RequestAborted);
                var chunk = new string('a', 64 * 1024);
                for (var i = 0; i < 1024 && !http.RequestAborted.IsCancellationRequested; i++)
                {
                    await http.Response.WriteAsync(chunk, http.RequestAborted);
                }
            }
        );
        using var client = new PyxisClient(
            new PyxisClientOptions { Endpoint = server.Endpoint, Limits = { MaxResponseBytes = 1024 * 1024 } }
        );

        var error = await Assert.ThrowsAsync<PyxisResponseException>(() => client.GetRepositoryByRegistryPathAsync("quay.io", "ubi"));

        Assert.Contains("larger than MaxResponseBytes (1048576 bytes)", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Requests); // a too-large answer is not worth asking for again
    }

    [Fact]
    public async Task A_Content_Length_beyond_the_limit_fails_before_anything_is_rented()
    {
        await using var server = await HostileServer.StartAsync(
            async (http, _) =>
            {
                http.Response.ContentType = "application/json";
                http.Response.ContentLength = 67_108_864;
                await http.Response.WriteAsync("{\"data\":");
                await http.Response.Body.FlushAsync();
                await Task.Delay(TimeSpan.FromSeconds(30), http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        );
        using var client = new PyxisClient(
            new PyxisClientOptions { Endpoint = server.Endpoint, Limits = { MaxResponseBytes = 32 * 1024 * 1024 } }
        );

        var errors = await Task.WhenAll(
            Enumerable
                .Range(0, 16)
                .Select(_ => Assert.ThrowsAsync<PyxisResponseException>(() => client.GetRepositoryByRegistryPathAsync("quay.io", "ubi")))
        );

        Assert.All(errors, e => Assert.Contains("announces 67108864 bytes", e.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1_000_000_000, 1)]
    [InlineData(5000, 6)]
    public async Task A_total_that_lies_ends_the_stream_with_a_paging_error(int total, int mostRequests)
    {
        await using var server = await HostileServer.AnsweringAsync(
            200,
            "application/json",
            "{\"data\":{\"find_images\":{\"data\":[],\"error\":null,\"page\":0,\"page_size\":50,\"total\":" + total + "}}}"
        );
        using var client = new PyxisClient(new PyxisClientOptions { Endpoint = server.Endpoint });

        var error = await Assert.ThrowsAsync<PyxisPagingException>(async () =>
        {
            await foreach (var image in client.FindImagesAllAsync(pageSize: 50, paging: new PyxisPaging { MaxConcurrency = 4 }))
            {
                Assert.Fail($"no image exists, yet {image} arrived");
            }
        });

        Assert.Equal("FindImagesQuery", error.OperationName);
        Assert.InRange(server.Requests, 1, mostRequests);
    }

    [Fact]
    public async Task Answers_may_come_compressed()
    {
        var body = Encoding.UTF8.GetBytes(Answers.RepositoryLookup());
        await using var server = await HostileServer.StartAsync(
            async (http, _) =>
            {
                using var compressed = new MemoryStream();
                await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
                {
                    await gzip.WriteAsync(body);
                }

                (http.Response.ContentType, http.Response.Headers.ContentEncoding) = ("application/json", "gzip");
                await http.Response.Body.WriteAsync(compressed.ToArray());
            }
        );
        using var client = new PyxisClient(new PyxisClientOptions { Endpoint = server.Endpoint });

        var repository = await client.GetRepositoryByRegistryPathAsync("quay.io", "ubi");

        Assert.Equal("ubi", repository!.Repository);
        var asked = Assert.Single(server.Seen).Headers["Accept-Encoding"];
        Assert.Contains("gzip", asked, StringComparison.Ordinal);
        Assert.Contains("br", asked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unbounded_fan_out_queues_for_the_bounded_connection_pool()
    {
        await using var server = await HostileServer.StartAsync(
            async (http, _) =>
            {
                await Task.Delay(20);
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync(Answers.RepositoryLookup());
            }
        );
        using var client = new PyxisClient(new PyxisClientOptions { Endpoint = server.Endpoint, Limits = { MaxConnectionsPerServer = 6 } });
        var paths = Enumerable.Range(0, 300).Select(i => ("quay.io", $"repo-{i}"));

        var items = await client.GetRepositoriesByRegistryPathAsync(paths, new BatchOptions { MaxConcurrency = 300 }).ToListAsync();

        Assert.All(items, i => Assert.True(i.Succeeded));
        Assert.InRange(server.Seen.Select(s => s.ConnectionId).Distinct().Count(), 1, 6);
    }
}
