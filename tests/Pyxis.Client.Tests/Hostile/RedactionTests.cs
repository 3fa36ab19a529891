using System.Text.Json;
using Microsoft.Extensions.Logging;
using Pyxis.Client.Batching;

namespace Pyxis.Client.Tests.Hostile;

/// <summary>A server that quotes a secret it was sent (a variable's value, the API key) has it replaced by <c>***</c> everywhere.</summary>
public sealed class RedactionTests
{
    private const string Secret = "s3cr3t-repo";
    private const string ApiKey = "k-9f8e7d6c";

    [Fact]
    public async Task A_secret_variable_value_quoted_in_a_GraphQL_error_is_hidden_in_messages_errors_and_logs()
    {
        var error = JsonSerializer.Serialize(
            new
            {
                message = $"Variable '$repository' got invalid value \"{Secret}\"; key {ApiKey} used",
                path = new[] { "get_repository_by_registry_path", Secret },
                extensions = new { code = "BAD_VALUE", value = Secret },
            }
        );
        await using var server = await HostileServer.AnsweringAsync(200, "application/json", "{\"errors\":[" + error + "]}");
        var logs = new CapturingLoggerProvider();

        var thrown = await CallAsync(server, logs, "repository");

        var graphQL = Assert.IsType<PyxisGraphQLException>(thrown);
        Assert.Contains("got invalid value \"***\"; key *** used", thrown.Message, StringComparison.Ordinal);
        Assert.Equal(["get_repository_by_registry_path", "***"], graphQL.Errors[0].Path);
        Assert.Equal("***", graphQL.Errors[0].Extensions!.Value.GetProperty("value").GetString());
        AssertHidden(thrown, logs, graphQL.Errors[0].ToString(), graphQL.Errors[0].Extensions!.Value.GetRawText());
    }

    [Fact]
    public async Task The_API_key_quoted_in_a_Pyxis_error_detail_and_a_trace_id_is_hidden()
    {
        await using var server = await HostileServer.StartAsync(
            async (http, _) =>
            {
                http.Response.ContentType = "application/json";
                http.Response.Headers["trace_id"] = "t-" + ApiKey;
                await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(
                    http.Response,
                    "{\"data\":{\"get_repository_by_registry_path\":{\"data\":null,\"error\":{\"status\":403,\"detail\":\"API key "
                        + ApiKey
                        + " may not read "
                        + Secret
                        + "\"}}}}"
                );
            }
        );
        var logs = new CapturingLoggerProvider();

        var thrown = await CallAsync(server, logs, "repository");

        Assert.Equal(403, thrown.Status);
        Assert.Equal("API key *** may not read ***", thrown.Detail);
        Assert.Equal("t-***", thrown.TraceId);
        AssertHidden(thrown, logs);
    }

    [Fact]
    public async Task A_secret_quoted_as_escaped_JSON_is_hidden_too()
    {
        const string quoted = "pa\"ss\\word";
        var message = "Variable '$repository' got invalid value " + JsonSerializer.Serialize(quoted);
        await using var server = await HostileServer.AnsweringAsync(
            200,
            "application/json",
            "{\"errors\":[{\"message\":" + JsonSerializer.Serialize(message) + "}]}"
        );
        var options = new PyxisClientOptions { Endpoint = server.Endpoint };
        options.SecretVariables.Add("repository");
        using var client = new PyxisClient(options);

        var thrown = await Assert.ThrowsAsync<PyxisGraphQLException>(() => client.GetRepositoryByRegistryPathAsync("quay.io", quoted));

        Assert.Contains("got invalid value \"***\"", thrown.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ss\\", thrown.ToString(), StringComparison.Ordinal);
    }

    // As the message text reads once the body's JSON is decoded: a server that quotes the value it received JSON-encoded
    // writes \uXXXX escapes into its text, upper or lower case, for some characters or for all.
    [Theory]
    [InlineData("p\\u00e4ssw\\u00f6rd-1", "pässwörd-1")]
    [InlineData("p\\u00E4ssw\\u00F6rd-2", "pässwörd-2")]
    [InlineData("\\u0073\\u0033\\u0063\\u0072\\u0033\\u0074", "s3cr3t")]
    [InlineData("s3\\u0063r3t-\\u0072epo", "s3cr3t-repo")]
    [InlineData("line\\nbreak\\ttab\\u0001", "line\nbreak\ttab\u0001")]
    public async Task A_secret_quoted_with_unicode_escapes_in_the_text_is_hidden(string quoted, string secret)
    {
        var message = "Variable '$repository' got invalid value \"" + quoted + "\"";
        await using var server = await HostileServer.AnsweringAsync(
            200,
            "application/json",
            "{\"errors\":[{\"message\":" + JsonSerializer.Serialize(message) + "}]}"
        );
        var options = new PyxisClientOptions { Endpoint = server.Endpoint };
        options.SecretVariables.Add("repository");
        using var client = new PyxisClient(options);

        var thrown = await Assert.ThrowsAsync<PyxisGraphQLException>(() => client.GetRepositoryByRegistryPathAsync("quay.io", secret));

        Assert.Contains("got invalid value \"***\"", thrown.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(quoted, thrown.ToString(), StringComparison.Ordinal);
    }

    public static TheoryData<string> CutPlaces => ["message", "detail", "path", "trace_id"];

    // Each text is cut to a length fit for a message; a secret the cut falls inside must not leave its first half behind.
    [Theory]
    [MemberData(nameof(CutPlaces))]
    public async Task A_secret_cut_in_two_by_the_length_cap_leaves_no_part_of_it(string place)
    {
        var before = place switch
        {
            "message" => 4090,
            "detail" => 4090,
            "path" => 250,
            _ => 195,
        };
        var text = new string('x', before) + (place == "trace_id" ? ApiKey : Secret) + " and more";
        await using var server = await HostileServer.StartAsync(
            async (http, _) =>
            {
                http.Response.ContentType = "application/json";
                http.Response.Headers["trace_id"] = place == "trace_id" ? text : "t-1";
                var body = place switch
                {
                    "message" => "{\"errors\":[{\"message\":\"" + text + "\"}]}",
                    "path" => "{\"errors\":[{\"message\":\"m\",\"path\":[\"" + text + "\"]}]}",
                    _ => "{\"data\":{\"get_repository_by_registry_path\":{\"data\":null,\"error\":{\"status\":403,\"detail\":\""
                        + (place == "detail" ? text : "no")
                        + "\"}}}}",
                };
                await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(http.Response, body);
            }
        );
        var logs = new CapturingLoggerProvider();

        var thrown = await CallAsync(server, logs, "repository");

        var printed = string.Join(
            "\n",
            [
                thrown.ToString(),
                thrown.Detail ?? "",
                thrown.TraceId ?? "",
                .. (thrown as PyxisGraphQLException)?.Errors.SelectMany(e => e.Path) ?? [],
                .. logs.Lines,
            ]
        );
        Assert.Contains("x***", printed, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret[..5], printed, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey[..5], printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_flooded_message_with_a_secret_at_the_cut_is_hidden_and_cut_to_a_few_kilobytes()
    {
        var flood = new string('x', 4090) + Secret + new string('y', 20 * 1024 * 1024) + Secret;
        await using var server = await HostileServer.AnsweringAsync(
            200,
            "application/json",
            "{\"errors\":[{\"message\":\"" + flood + "\"}]}"
        );
        var options = new PyxisClientOptions { Endpoint = server.Endpoint, Limits = { MaxResponseBytes = 32 * 1024 * 1024 } };
        options.SecretVariables.Add("repository");
        using var client = new PyxisClient(options);

        var error = await Assert.ThrowsAsync<PyxisGraphQLException>(() => client.GetRepositoryByRegistryPathAsync("quay.io", Secret));

        var message = Assert.Single(error.Errors).Message;
        Assert.StartsWith(new string('x', 4090) + "***y", message, StringComparison.Ordinal);
        Assert.EndsWith($"… ({flood.Length - 4096} more characters)", message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret[..5], error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_quoted_in_an_alias_batch_error_is_hidden_in_the_items_exception()
    {
        var errors = "[{\"message\":\"no access to " + Secret + "-1\",\"path\":[\"r1\"]},{\"message\":\"slow for " + Secret + "-0\"}]";
        await using var server = await HostileServer.AnsweringAsync(
            200,
            "application/json",
            "{\"errors\":" + errors + ",\"data\":{\"r0\":null,\"r1\":null}}"
        );
        var options = new PyxisClientOptions { Endpoint = server.Endpoint };
        options.SecretVariables.Add("repository");
        using var client = new PyxisClient(options);

        var items = await client
            .GetRepositoriesByRegistryPathAsync(
                [("quay.io", Secret + "-0"), ("quay.io", Secret + "-1")],
                new BatchOptions { AliasesPerRequest = 2 }
            )
            .ToListAsync();

        Assert.All(items, i =>
            Assert.DoesNotContain(Secret, i.Exception!.ToString() + ((PyxisException)i.Exception!).Variables, StringComparison.Ordinal)
        );
        Assert.Contains("no access to ***", items.Single(i => i.Index == 1).Exception!.Message, StringComparison.Ordinal);
    }

    private static async Task<PyxisException> CallAsync(HostileServer server, CapturingLoggerProvider logs, string secretVariable)
    {
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var options = new PyxisClientOptions { Endpoint = server.Endpoint, ApiKey = ApiKey };
        options.SecretVariables.Add(secretVariable);
        using var client = new PyxisClient(options, factory.CreateLogger<PyxisClient>());

        return await Assert.ThrowsAnyAsync<PyxisException>(() => client.GetRepositoryByRegistryPathAsync("quay.io", Secret));
    }

    private static void AssertHidden(PyxisException thrown, CapturingLoggerProvider logs, params string[] more)
    {
        Assert.NotEmpty(logs.Lines);
        var everything = string.Join(
            "\n",
            [thrown.ToString(), thrown.Variables, thrown.Detail ?? "", thrown.TraceId ?? "", .. more, .. logs.Lines]
        );
        Assert.DoesNotContain(Secret, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, everything, StringComparison.Ordinal);
    }
}
