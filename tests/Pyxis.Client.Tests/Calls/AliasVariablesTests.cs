using System.Text;
using System.Text.Json;
using Pyxis.Client.Batching;
using Pyxis.Client.Tests.Hostile;

namespace Pyxis.Client.Tests.Calls;

/// <summary>An alias batch's variables are the lookups' own bytes under indexed names: written once, never parsed and written again.</summary>
public sealed class AliasVariablesTests
{
    // Escapes and spacing a second serializer would rewrite ("quay.io", 1.50 → 1.5 is kept by JsonElement, escapes are not).
    private const string FirstVariables = "{\"registry\":\"qu\\u0061y.io\", \"repository\":\"a\\/b\"}";

    [Fact]
    public async Task Each_lookups_variables_reach_the_wire_byte_for_byte_under_their_indexed_names()
    {
        await using var server = await HostileServer.AnsweringAsync(200, "application/json", Body(2));
        using var client = new PyxisClient(new PyxisClientOptions { Endpoint = server.Endpoint });
        string[] inputs = [FirstVariables, "{\"registry\":\"quay.io\",\"repository\":\"c\"}"];

        var items = await client
            .ExecuteAliasedAsync(
                GetRepositoryByRegistryPathQuery.Aliased,
                inputs,
                variables => Request(variables),
                new BatchOptions { AliasesPerRequest = 2, AdaptAliasesPerRequest = false }
            )
            .ToListAsync();

        Assert.All(items, i => Assert.Null(i.Exception));
        var sent = Assert.Single(server.Seen).Body;
        Assert.Contains(
            "\"variables\":{\"registry__0\":\"qu\\u0061y.io\",\"repository__0\":\"a\\/b\",\"registry__1\":\"quay.io\",\"repository__1\":\"c\"}",
            sent,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void A_variable_name_the_lookup_escaped_keeps_its_escapes_and_gains_its_index()
    {
        var batch = AliasDocument.Build(
            GetRepositoryByRegistryPathQuery.Aliased,
            [Request("{\"re\\u0067istry\":\"x\",\"repository\":[1, {\"a\":null}]}")]
        );

        Assert.Equal("{\"re\\u0067istry__0\":\"x\",\"repository__0\":[1, {\"a\":null}]}", Encoding.UTF8.GetString(batch.Variables.Span));
        using var parsed = JsonDocument.Parse(batch.Variables); // still one valid JSON object
        Assert.Equal("x", parsed.RootElement.GetProperty("registry__0").GetString());
    }

    private static PyxisRequest<GetRepositoryByRegistryPathQuery.Data> Request(string variables)
    {
        var template = GetRepositoryByRegistryPathQuery.CreateRequest("unused", "unused");
        return new PyxisRequest<GetRepositoryByRegistryPathQuery.Data>(
            template.OperationName,
            template.Document,
            Encoding.UTF8.GetBytes(variables),
            template.ReadData
        );
    }

    private static string Body(int count) =>
        "{\"data\":{"
        + string.Join(",", Enumerable.Range(0, count).Select(i => $"\"r{i}\":{{\"data\":{Answers.Repository},\"error\":null}}"))
        + "}}";
}
