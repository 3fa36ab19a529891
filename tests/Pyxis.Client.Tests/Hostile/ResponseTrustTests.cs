using Pyxis.Client.Lambdas;
using Pyxis.Client.Tests.Operations;

namespace Pyxis.Client.Tests.Hostile;

/// <summary>
/// An answer that could mean two things is refused, not guessed at: duplicate keys at any level, a second document or
/// stray bytes after the first, an <c>errors</c> that is not a list of error objects, a number no double can hold.
/// </summary>
public sealed class ResponseTrustTests
{
    private const string Lookup = "{\"data\":{\"get_repository_by_registry_path\":{\"data\":" + Answers.Repository + ",\"error\":null}}}";

    public static TheoryData<string, string> DuplicateKeys =>
        new()
        {
            { Lookup[..^1] + ",\"data\":{\"get_repository_by_registry_path\":null}}", "'data' appears twice" },
            { "{\"errors\":null,\"errors\":[{\"message\":\"x\"}]," + Lookup[1..], "'errors' appears twice" },
            {
                Lookup.Replace("\"registry\":\"quay.io\"", "\"registry\":\"quay.io\",\"registry\":\"evil.io\"", StringComparison.Ordinal),
                ".registry' appears twice"
            },
            {
                "{\"data\":{\"get_repository_by_registry_path\":{\"data\":null,\"error\":{\"status\":403,\"detail\":\"forbidden\"},\"error\":{\"status\":404,\"detail\":\"not found\"}}}}",
                ".error' appears twice"
            },
            {
                "{\"data\":{\"get_repository_by_registry_path\":{\"data\":null,\"error\":{\"status\":403,\"status\":404,\"detail\":\"x\"}}}}",
                ".status' appears twice"
            },
            {
                "{\"data\":{\"get_repository_by_registry_path\":{\"data\":null,\"error\":{\"status\":404}},\"get_repository_by_registry_path\":{\"data\":"
                    + Answers.Repository
                    + "}}}",
                ".get_repository_by_registry_path' appears twice"
            },
            { "{\"errors\":[{\"message\":\"a\",\"message\":\"b\"}]}", "Duplicate" },
        };

    [Theory]
    [MemberData(nameof(DuplicateKeys))]
    public async Task A_duplicate_key_at_any_level_is_refused_naming_it(string body, string expected)
    {
        var error = await RefusedAsync(body);

        Assert.Contains(expected, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    public static TheoryData<string, string> DeepDuplicates =>
        new()
        {
            {
                "{\"passed\":[{\"name\":\"ok\",\"elapsed_time\":1.5},{\"name\":\"ok\",\"name\":\"evil\",\"elapsed_time\":2}]}",
                ".name' appears twice"
            },
            { "{\"passed\":[{\"name\":\"ok\",\"elapsed_time\":1.5}],\"passed\":[]}", ".passed' appears twice" },
        };

    [Theory]
    [MemberData(nameof(DeepDuplicates))]
    public async Task A_duplicate_key_inside_a_list_element_or_a_nested_selected_object_is_refused(string results, string expected)
    {
        await using var server = await HostileServer.AnsweringAsync(
            200,
            "application/json",
            "{\"data\":{\"get_cert_project_test_result\":{\"data\":{\"results\":" + results + "},\"error\":null}}}"
        );
        using var client = new PyxisClient(new PyxisClientOptions { Endpoint = server.Endpoint });

        var error = await Assert.ThrowsAsync<PyxisResponseException>(() => client.TestElapsedTimesAsync("t1"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"code\":\"FORBIDDEN\",\"code\":\"NOT_FOUND\"}")]
    [InlineData("{\"detail\":{\"status\":403,\"status\":404}}")]
    public async Task A_duplicate_key_inside_an_errors_extensions_is_refused(string extensions)
    {
        var error = await RefusedAsync("{\"errors\":[{\"message\":\"denied\",\"extensions\":" + extensions + "}],\"data\":null}");

        Assert.Contains("'errors' could not be read", error.Message, StringComparison.Ordinal);
        Assert.Contains("Duplicate", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(Lookup + "{\"data\":{}}")]
    [InlineData(Lookup + "\n{\"data\":{\"get_repository_by_registry_path\":null}}")]
    [InlineData(Lookup + "garbage")]
    [InlineData(Lookup + "]")]
    public async Task Content_after_the_first_JSON_document_is_refused(string body)
    {
        var error = await RefusedAsync(body);

        Assert.Contains("content after its JSON object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Whitespace_after_the_document_is_still_an_answer()
    {
        await using var server = await HostileServer.AnsweringAsync(200, "application/json", Lookup + " \r\n\t ");
        using var client = new PyxisClient(new PyxisClientOptions { Endpoint = server.Endpoint });

        Assert.Equal("ubi", (await client.GetRepositoryByRegistryPathAsync("quay.io", "ubi"))!.Repository);
    }

    [Theory]
    [InlineData("{\"message\":\"boom\"}", "'errors' should be a list of error objects but was StartObject")]
    [InlineData("\"boom\"", "'errors' should be a list of error objects but was String")]
    [InlineData("[1,2]", "'errors[0]' should be an error object but was Number")]
    [InlineData("[{\"message\":\"fine\"},\"boom\"]", "'errors[1]' should be an error object but was String")]
    public async Task A_malformed_errors_beside_valid_data_is_refused_not_dropped(string errors, string expected)
    {
        var error = await RefusedAsync("{\"errors\":" + errors + "," + Lookup[1..]);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    public async Task A_number_beyond_a_double_is_refused_not_read_as_infinity(string number)
    {
        await using var server = await HostileServer.AnsweringAsync(
            200,
            "application/json",
            "{\"data\":{\"get_cert_project_test_result\":{\"data\":{\"results\":{\"passed\":[{\"name\":\"ok\",\"elapsed_time\":1.5},{\"name\":\"far\",\"elapsed_time\":"
                + number
                + "}]}},\"error\":null}}}"
        );
        using var client = new PyxisClient(new PyxisClientOptions { Endpoint = server.Endpoint });

        var error = await Assert.ThrowsAsync<PyxisResponseException>(() => client.TestElapsedTimesAsync("t1"));

        Assert.Contains("'TestResults.elapsed_time' is a number beyond the range of a double", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(
        "{\"data\":{\"f0\":{\"data\":{\"repository\":\"ubi\",\"repository\":\"evil\"},\"error\":null}}}",
        ".repository' appears twice"
    )]
    [InlineData(
        "{\"data\":{\"f0\":{\"data\":{\"repository\":\"ubi\"},\"error\":null},\"f0\":{\"data\":{\"repository\":\"evil\"},\"error\":null}}}",
        "'Query.get_repository_by_registry_path (f0)' appears twice"
    )]
    public async Task A_lambda_projection_refuses_duplicate_keys_too(string body, string expected)
    {
        await using var server = await HostileServer.AnsweringAsync(200, "application/json", body);
        using var client = new PyxisClient(new PyxisClientOptions { Endpoint = server.Endpoint });

        var error = await Assert.ThrowsAsync<PyxisResponseException>(() =>
            client.QueryAsync(("quay.io", "ubi"), static (q, v) => q.GetRepositoryByRegistryPath(v.Item1, v.Item2, r => r.Data?.Repository))
        );

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_typename_in_a_union_member_is_refused()
    {
        await using var server = await HostileServer.AnsweringAsync(
            200,
            "application/json",
            "{\"data\":{\"_entities\":[{\"__typename\":\"ProductListingFederated\",\"_id\":\"a\",\"name\":\"n\",\"published\":true,\"__typename\":\"PublicProductListingFunctionalInfo\",\"productListingId\":\"x\"}]}}"
        );
        using var client = new PyxisClient(new PyxisClientOptions { Endpoint = server.Endpoint });

        var error = await Assert.ThrowsAsync<PyxisResponseException>(() => client.ListingEntitiesAsync([]));

        Assert.Contains(".__typename' appears twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_duplicate_key_inside_a_JSON_scalar_is_refused()
    {
        await using var server = await HostileServer.AnsweringAsync(
            200,
            "application/json",
            "{\"data\":{\"find_operator_bundles\":{\"data\":[{\"alm_examples\":[{\"metadata\":{\"name\":\"a\",\"labels\":{\"tier\":\"1\",\"tier\":\"2\"}}}]}],\"error\":null}}}"
        );
        using var client = new PyxisClient(new PyxisClientOptions { Endpoint = server.Endpoint });

        var error = await Assert.ThrowsAsync<PyxisResponseException>(() => client.BundleExamplesAsync("p"));

        Assert.Contains("'ALMExample.metadata.labels.tier' appears twice", error.Message, StringComparison.Ordinal);
    }

    private static async Task<PyxisResponseException> RefusedAsync(string body)
    {
        await using var server = await HostileServer.AnsweringAsync(200, "application/json", body);
        using var client = new PyxisClient(
            new PyxisClientOptions { Endpoint = server.Endpoint, Retry = { Delay = TimeSpan.FromMilliseconds(1) } }
        );

        var error = await Assert.ThrowsAsync<PyxisResponseException>(() => client.GetRepositoryByRegistryPathAsync("quay.io", "ubi"));
        Assert.Equal(1, server.Requests); // a refused answer is not a transient fault
        return error;
    }
}
