using Microsoft.AspNetCore.Http;
using Pyxis.Client.Lambdas;
using Pyxis.Client.Tests.Operations;

namespace Pyxis.Client.Tests.Hostile;

/// <summary>Only a well-formed success enters the result cache; a broken answer is asked for again.</summary>
public sealed class CacheTrustTests
{
    [Theory]
    [InlineData("{\"data\":{\"get_repository_by_registry_path\":null}}")]
    [InlineData("{\"data\":{}}")]
    [InlineData("{\"data\":{\"get_repository_by_registry_path\":{\"data\":null,\"error\":{\"status\":500,\"detail\":\"boom\"}}}}")]
    public async Task A_broken_answer_is_not_replayed_from_the_cache(string broken)
    {
        await using var server = await FirstThenAsync(broken, Answers.RepositoryLookup());
        using var client = Caching(server);

        await Assert.ThrowsAnyAsync<PyxisException>(() => client.GetRepositoryByRegistryPathAsync("quay.io", "ubi"));
        var second = await client.GetRepositoryByRegistryPathAsync("quay.io", "ubi");
        var third = await client.GetRepositoryByRegistryPathAsync("quay.io", "ubi");

        Assert.Equal("ubi", second!.Repository);
        Assert.Equal("ubi", third!.Repository);
        Assert.Equal(2, server.Requests); // the broken answer was asked for again, the good one was kept
    }

    [Fact]
    public async Task A_not_found_envelope_is_a_well_formed_answer_and_is_kept()
    {
        await using var server = await HostileServer.AnsweringAsync(
            200,
            "application/json",
            "{\"data\":{\"get_repository_by_registry_path\":{\"data\":null,\"error\":{\"status\":404,\"detail\":\"not found\"}}}}"
        );
        using var client = Caching(server);

        Assert.Null(await client.GetRepositoryByRegistryPathAsync("quay.io", "gone"));
        Assert.Null(await client.GetRepositoryByRegistryPathAsync("quay.io", "gone"));

        Assert.Equal(1, server.Requests);
    }

    // Decided from the one read that typed the answer (no second parse): a root field without an envelope that came null
    // is returned as it came, and asked for again next time.
    [Fact]
    public async Task A_null_root_field_without_an_envelope_is_returned_but_not_kept()
    {
        await using var server = await FirstThenAsync(
            "{\"data\":{\"repository_by_registry\":null}}",
            "{\"data\":{\"repository_by_registry\":{\"_id\":\"r1\",\"repository\":\"ubi\",\"published\":true}}}"
        );
        using var client = Caching(server);

        var first = await client.RepositoryByRegistryAsync("quay.io", "ubi");
        var second = await client.RepositoryByRegistryAsync("quay.io", "ubi");
        var third = await client.RepositoryByRegistryAsync("quay.io", "ubi");

        Assert.Null(first.RepositoryByRegistry);
        Assert.Equal("ubi", second.RepositoryByRegistry!.Repository);
        Assert.Equal("ubi", third.RepositoryByRegistry!.Repository);
        Assert.Equal(2, server.Requests);
    }

    [Fact]
    public async Task A_lambda_querys_null_root_field_is_returned_but_not_kept()
    {
        await using var server = await FirstThenAsync(
            "{\"data\":{\"f0\":null}}",
            "{\"data\":{\"f0\":{\"data\":{\"repository\":\"ubi\"},\"error\":null}}}"
        );
        using var client = Caching(server);

        var answers = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(
                await client.QueryAsync(("quay.io", "ubi"), static (q, v) =>
                    q.GetRepositoryByRegistryPath(v.Item1, v.Item2, r => r.Data?.Repository)
                )
            );
        }

        Assert.Equal([null, "ubi", "ubi"], answers);
        Assert.Equal(2, server.Requests);
    }

    [Fact]
    public async Task A_lambda_querys_error_envelope_is_read_by_the_lambda_but_not_kept()
    {
        await using var server = await FirstThenAsync(
            "{\"data\":{\"f0\":{\"data\":null,\"error\":{\"status\":500,\"detail\":\"boom\"}}}}",
            "{\"data\":{\"f0\":{\"data\":{\"repository\":\"ubi\"},\"error\":null}}}"
        );
        using var client = Caching(server);

        var answers = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(
                await client.QueryAsync(("quay.io", "ubi"), static (q, v) =>
                    q.GetRepositoryByRegistryPath(v.Item1, v.Item2, r => r.Error != null ? "error " + r.Error.Status : r.Data?.Repository)
                )
            );
        }

        Assert.Equal(["error 500", "ubi", "ubi"], answers);
        Assert.Equal(2, server.Requests);
    }

    // The first request gets the first answer and every later one the second, so the request count tells what the cache kept.
    private static Task<HostileServer> FirstThenAsync(string first, string then) =>
        HostileServer.StartAsync(
            async (http, number) =>
            {
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync(number == 1 ? first : then);
            }
        );

    private static PyxisClient Caching(HostileServer server) =>
        new(new PyxisClientOptions { Endpoint = server.Endpoint, Cache = { Duration = TimeSpan.FromMinutes(5) } });
}
