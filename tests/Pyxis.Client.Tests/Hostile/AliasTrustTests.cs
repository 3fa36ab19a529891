using Pyxis.Client.Batching;

namespace Pyxis.Client.Tests.Hostile;

/// <summary>An alias answer counts only under the exact key it was sent under (r0, r1, r2); any other key is refused.</summary>
public sealed class AliasTrustTests
{
    private static readonly (string Registry, string Repository)[] Paths = [("quay.io", "a"), ("quay.io", "b"), ("quay.io", "c")];

    [Theory]
    [InlineData("r0,r0,r1", "'data.r0' appears twice")]
    [InlineData("r0,r01,r002", "the key 'r01', which is not one of the aliases sent (r0…r2)")]
    [InlineData("r0,r1,r2,r3", "the key 'r3', which is not one of the aliases sent")]
    [InlineData("r0,r1,x", "the key 'x', which is not one of the aliases sent")]
    [InlineData("r0,r1,r-2", "the key 'r-2', which is not one of the aliases sent")]
    [InlineData("r0,r1,R2", "the key 'R2', which is not one of the aliases sent")]
    public async Task A_key_that_is_not_exactly_an_alias_sent_fails_the_batch_naming_it(string keys, string expected)
    {
        var items = await RunAsync(Body(keys.Split(','), errors: null));

        Assert.Equal(3, items.Count);
        Assert.All(items, i =>
            Assert.Contains(expected, Assert.IsType<PyxisResponseException>(i.Exception).Message, StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task A_missing_alias_fails_its_own_lookup_naming_it_and_is_not_filled_from_another()
    {
        var items = await RunAsync(Body(["r0", "r1"], errors: null));

        Assert.Equal(3, items.Count);
        var missing = Assert.IsType<PyxisResponseException>(items.Single(i => i.Index == 2).Exception);
        Assert.Contains("r2", missing.Message, StringComparison.Ordinal);
        Assert.All(items.Where(i => i.Index != 2), i => Assert.Equal(Paths[i.Index].Repository, i.Value!.Repository));
    }

    [Fact]
    public async Task Exact_aliases_in_any_order_are_attributed_to_their_own_lookup()
    {
        var items = await RunAsync(Body(["r2", "r0", "r1"], errors: null));

        Assert.All(items, i => Assert.Equal(Paths[i.Index].Repository, i.Value!.Repository));
    }

    [Fact]
    public async Task An_error_under_a_key_that_is_not_an_alias_sent_concerns_every_lookup_not_the_look_alike()
    {
        var items = await RunAsync(Body(["r0", "r1", "r2"], errors: "[{\"message\":\"broken r01\",\"path\":[\"r01\",\"data\"]}]"));

        Assert.All(items, i =>
            Assert.Contains("broken r01", Assert.IsType<PyxisGraphQLException>(i.Exception).Message, StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task An_error_under_an_exact_alias_fails_only_that_lookup()
    {
        var items = await RunAsync(Body(["r0", "r1", "r2"], errors: "[{\"message\":\"broken r1\",\"path\":[\"r1\",\"data\"]}]"));

        Assert.IsType<PyxisGraphQLException>(items.Single(i => i.Index == 1).Exception);
        Assert.All(items.Where(i => i.Index != 1), i => Assert.Equal(Paths[i.Index].Repository, i.Value!.Repository));
    }

    // Each key answers the repository of the lookup its digits name when read leniently (r01 → b), so a lenient reader would pass.
    private static string Body(string[] keys, string? errors)
    {
        var fields = keys.Select(key =>
        {
            var digits = new string(key.Where(char.IsAsciiDigit).ToArray());
            var name = int.TryParse(digits, out var n) && n < Paths.Length ? Paths[n].Repository : "z";
            var repository = Answers.Repository.Replace("\"ubi\"", $"\"{name}\"", StringComparison.Ordinal);
            return $"\"{key}\":{{\"data\":{repository},\"error\":null}}";
        });
        return (errors is null ? "{" : "{\"errors\":" + errors + ",") + "\"data\":{" + string.Join(",", fields) + "}}";
    }

    private static async Task<
        List<BatchItem<(string Registry, string Repository), GetRepositoryByRegistryPathQuery.ContainerRepository?>>
    > RunAsync(string body)
    {
        await using var server = await HostileServer.AnsweringAsync(200, "application/json", body);
        using var client = new PyxisClient(new PyxisClientOptions { Endpoint = server.Endpoint });

        var items = await client.GetRepositoriesByRegistryPathAsync(Paths, new BatchOptions { AliasesPerRequest = 3 }).ToListAsync();

        Assert.Equal(1, server.Requests);
        return items;
    }
}
